package dev.mjbridge.discord;

import org.junit.jupiter.api.Test;

import static dev.mjbridge.discord.GatewayCloseCode.AfterClose.GIVE_UP;
import static dev.mjbridge.discord.GatewayCloseCode.AfterClose.NEW_SESSION;
import static dev.mjbridge.discord.GatewayCloseCode.AfterClose.RESUME;
import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's numbers, as Discord documents them, and what the session does with each close. */
class GatewayCodesTest {

    @Test
    void opcodesHaveDiscordsNumbers() {
        assertThat(GatewayOpcode.DISPATCH.code()).isZero();
        assertThat(GatewayOpcode.HEARTBEAT.code()).isEqualTo(1);
        assertThat(GatewayOpcode.IDENTIFY.code()).isEqualTo(2);
        assertThat(GatewayOpcode.RESUME.code()).isEqualTo(6);
        assertThat(GatewayOpcode.RECONNECT.code()).isEqualTo(7);
        assertThat(GatewayOpcode.INVALID_SESSION.code()).isEqualTo(9);
        assertThat(GatewayOpcode.HELLO.code()).isEqualTo(10);
        assertThat(GatewayOpcode.HEARTBEAT_ACK.code()).isEqualTo(11);
        assertThat(GatewayOpcode.of(10)).contains(GatewayOpcode.HELLO);
        assertThat(GatewayOpcode.of(5)).isEmpty();
    }

    @Test
    void aBadTokenAndRequestsDiscordWillNeverAcceptAreNotRetried() {
        for (int code : new int[] {4004, 4010, 4011, 4012, 4013, 4014}) {
            assertThat(GatewayCloseCode.afterClose(code)).as("close %d", code).isEqualTo(GIVE_UP);
        }
        assertThat(GatewayCloseCode.of(4004)).contains(GatewayCloseCode.AUTHENTICATION_FAILED);
    }

    @Test
    void aBadSequenceAndATimedOutSessionNeedANewSession() {
        assertThat(GatewayCloseCode.afterClose(4007)).isEqualTo(NEW_SESSION);
        assertThat(GatewayCloseCode.afterClose(4009)).isEqualTo(NEW_SESSION);
    }

    @Test
    void everythingElseIsResumedAsADroppedConnectionIs() {
        for (int code : new int[] {1000, 1001, 1006, 4000, 4001, 4002, 4003, 4005, 4008, 4999}) {
            assertThat(GatewayCloseCode.afterClose(code)).as("close %d", code).isEqualTo(RESUME);
        }
    }
}
