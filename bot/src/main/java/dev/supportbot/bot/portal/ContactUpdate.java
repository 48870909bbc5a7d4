package dev.supportbot.bot.portal;

import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.domain.ContactRole;

/** Body of {@code PUT /billing-accounts/{id}/contacts}: which contact, and its new value. */
public record ContactUpdate(ContactRole role, Contact contact) {}
