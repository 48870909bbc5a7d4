package dev.supportbot.bot.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** One sandbox bot for all the tests of a class, for classes whose tests only read what the seed made. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OneSandboxPerClass {
    SandboxBot sandbox;

    @BeforeAll
    void startSandbox() {
        sandbox = SandboxBot.start();
    }

    @AfterAll
    void stopSandbox() {
        sandbox.close();
    }
}
