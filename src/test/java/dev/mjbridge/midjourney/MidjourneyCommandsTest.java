package dev.mjbridge.midjourney;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MidjourneyCommandsTest {

    @Test
    void defaultsCarryTheDocumentedIdsAndVersions() {
        MidjourneyCommands commands = MidjourneyCommands.defaults();

        assertThat(commands.applicationId(BotType.MID_JOURNEY)).isEqualTo("936929561302675456");
        assertThat(commands.applicationId(BotType.NIJI_JOURNEY)).isEqualTo("1022952195194359889");
        BotCommands mj = commands.of(BotType.MID_JOURNEY);
        assertThat(mj.imagine()).isEqualTo(new CommandRef("938956540159881230", "1237876415471554623"));
        assertThat(mj.describe()).isEqualTo(new CommandRef("1092492867185950852", "1237876415471554625"));
        assertThat(mj.blend()).isEqualTo(new CommandRef("1062880104792997970", "1237876415471554624"));
        assertThat(mj.shorten()).isEqualTo(new CommandRef("1121575372539039774", "1247736572414001223"));
        assertThat(mj.show()).isEqualTo(new CommandRef("1169435442328911902", "1247736572414001224"));
        assertThat(mj.info()).isEqualTo(new CommandRef("972289487818334209", "1237876415735660565"));
        assertThat(mj.settings()).isEqualTo(new CommandRef("1000850743479255081", "1237876415790055475"));
        assertThat(mj.fast().id()).isEqualTo("972289487818334212");
        assertThat(mj.relax().id()).isEqualTo("972289487818334213");
        assertThat(mj.turbo().id()).isEqualTo("1124132684143271996");
        BotCommands niji = commands.of(BotType.NIJI_JOURNEY);
        assertThat(niji.imagine()).isEqualTo(new CommandRef("1023054140580057099", "1248805223892254774"));
        assertThat(niji.describe()).isEqualTo(new CommandRef("1092683500743831652", "1248805223892254776"));
        assertThat(niji.blend()).isEqualTo(new CommandRef("1061216934374424697", "1248805223892254775"));
        assertThat(niji.shorten()).isEqualTo(new CommandRef("1121575453916942376", "1248805223892254777"));
        assertThat(niji.show()).isEqualTo(new CommandRef("1023054140580057101", "1248805223892254781"));
        assertThat(niji.info()).isEqualTo(new CommandRef("1023054140580057102", "1248805223892254782"));
        assertThat(niji.settings()).isEqualTo(new CommandRef("1023054140634579025", "1493662157915684906"));
        assertThat(niji.fast().id()).isEqualTo("1023054140580057107");
        assertThat(niji.relax().id()).isEqualTo("1023054140634579024");
    }

    @Test
    void everyCommandIsOfferedExceptNijiTurbo() {
        MidjourneyCommands commands = MidjourneyCommands.defaults();
        for (CommandName name : CommandName.values()) {
            assertThat(commands.of(BotType.MID_JOURNEY).command(name)).as(name.name()).isPresent();
        }
        assertThat(commands.of(BotType.NIJI_JOURNEY).command(CommandName.TURBO)).isEmpty();
        assertThat(commands.of(BotType.NIJI_JOURNEY).command(CommandName.IMAGINE)).isPresent();
    }

    @Test
    void partialConfigurationFallsBackToTheDefaults() {
        BotCommands onlyNewImagineVersion = new BotCommands(null, new CommandRef(null, "999"),
                null, null, null, null, null, null, null, null, null);

        MidjourneyCommands commands = new MidjourneyCommands(onlyNewImagineVersion, null);

        assertThat(commands.of(BotType.MID_JOURNEY).imagine()).isEqualTo(new CommandRef("938956540159881230", "999"));
        assertThat(commands.of(BotType.MID_JOURNEY).applicationId()).isEqualTo("936929561302675456");
        assertThat(commands.of(BotType.MID_JOURNEY).blend()).isEqualTo(MidjourneyCommands.defaults().midjourney().blend());
        assertThat(commands.niji()).isEqualTo(MidjourneyCommands.defaults().niji());
    }

    @Test
    void recognisesBotsByApplicationId() {
        MidjourneyCommands commands = MidjourneyCommands.defaults();

        assertThat(commands.botTypeOf("936929561302675456")).contains(BotType.MID_JOURNEY);
        assertThat(commands.botTypeOf("1022952195194359889")).contains(BotType.NIJI_JOURNEY);
        assertThat(commands.botTypeOf("1200000000000000042")).isEmpty();
        assertThat(commands.botTypeOf(null)).isEmpty();
    }
}
