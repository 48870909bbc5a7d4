package dev.supportbot.bot.commands;

import dev.supportbot.bot.store.Vendor;

class CommandFlowPostgresTest extends CommandFlowContract {
    @Override
    Vendor vendor() {
        return Vendor.POSTGRESQL;
    }
}
