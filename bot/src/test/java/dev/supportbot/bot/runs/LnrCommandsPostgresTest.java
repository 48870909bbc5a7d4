package dev.supportbot.bot.runs;

import dev.supportbot.bot.store.Vendor;

class LnrCommandsPostgresTest extends LnrCommandsContract {
    @Override
    Vendor vendor() {
        return Vendor.POSTGRESQL;
    }
}
