package dev.supportbot.bot.runs;

import dev.supportbot.bot.store.Vendor;

class LnrCommandsH2Test extends LnrCommandsContract {
    @Override
    Vendor vendor() {
        return Vendor.H2;
    }
}
