package dev.supportbot.bot.commands;

import dev.supportbot.bot.store.Vendor;

class CommandFlowH2Test extends CommandFlowContract {
    @Override
    Vendor vendor() {
        return Vendor.H2;
    }
}
