package dev.supportbot.bot.scheduler;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import org.quartz.spi.InstanceIdGenerator;

/**
 * Cluster instance ids: the host name, for operators, plus a random part. Quartz's default (host name + start
 * millisecond) lets two schedulers started in the same millisecond on one host take each other for themselves.
 * Kept short: Quartz appends a 13-digit counter to it in a 95-character column. Public: Quartz instantiates it.
 */
public final class HostInstanceIdGenerator implements InstanceIdGenerator {
    private static final int MAX_HOST_LENGTH = 40;

    @Override
    public String generateInstanceId() {
        return hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String hostName() {
        try {
            String host = InetAddress.getLocalHost().getHostName();
            return host.length() <= MAX_HOST_LENGTH ? host : host.substring(0, MAX_HOST_LENGTH);
        } catch (UnknownHostException e) {
            return "bot";
        }
    }
}
