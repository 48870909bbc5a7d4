package dev.supportbot.bot.portal;

/**
 * The portal back end as the bot sees it (config/portal-api.yaml). A consumer that needs only part of it depends on
 * the part: {@link PortalCustomers}, {@link PortalBilling}, {@link PortalLicensing}, {@link PortalMailLog}.
 *
 * <p>Every call throws a {@link PortalException} subtype on failure. Every change takes the caller's
 * {@link IdempotencyKey}: repeating a change with the same key applies it once.
 */
public interface PortalClient extends PortalCustomers, PortalBilling, PortalLicensing, PortalMailLog {}
