package dev.mjbridge.task;

import dev.mjbridge.account.AccountFilter;
import dev.mjbridge.account.SpeedMode;
import dev.mjbridge.midjourney.BlendDimensions;
import dev.mjbridge.midjourney.BotType;
import dev.mjbridge.midjourney.JobRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What a restarted process reads back is what the dead one stored. */
class JobRequestCodecTest {

    private final JobRequestCodec codec = new JobRequestCodec(JsonMapper.builder().build());
    private final JobRequest.ImageData png = new JobRequest.ImageData(new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2},
            "image/png", "a.png");

    @Test
    void everyRequestKindRoundTrips() {
        List<JobRequest> requests = List.of(
                new JobRequest.Imagine("cat --ar 3:2", List.of(png)),
                new JobRequest.Blend(List.of(png, png), BlendDimensions.PORTRAIT),
                new JobRequest.Blend(List.of(png, png), null),
                new JobRequest.Describe(png),
                new JobRequest.DescribeLink("https://example.com/a.png"),
                new JobRequest.Shorten("a long prompt"),
                new JobRequest.Show("3b2a1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d"),
                new JobRequest.Button("1200000000000000102", 64, "MJ::JOB::upsample::1::h", null),
                new JobRequest.Button("1200000000000000102", 0, "MJ::CustomZoom::h",
                        new JobRequest.ModalAnswer("cat --zoom 1.5", null)),
                new JobRequest.ModalSubmit("1300", "MJ::RemixModal::h::1::1", "new prompt"),
                new JobRequest.InpaintSubmit("MJ::iframe::abc", "bWFzaw==", "a hat"));
        for (JobRequest request : requests) {
            JobRequest back = codec.read(codec.write(request));
            assertThat(codec.write(back)).as(request.toString()).isEqualTo(codec.write(request));
            assertThat(back.getClass()).isEqualTo(request.getClass());
        }
        JobRequest.Imagine imagine = (JobRequest.Imagine) codec.read(codec.write(requests.get(0)));
        assertThat(imagine.images().get(0).bytes()).isEqualTo(png.bytes());
    }

    @Test
    void routingRoundTrips() {
        Routing routing = new Routing(BotType.NIJI_JOURNEY, "main", "1100", new AccountFilter("main", "1100",
                Set.of(SpeedMode.RELAX, SpeedMode.FAST), true), SpeedMode.TURBO);
        assertThat(codec.readRouting(codec.write(routing))).isEqualTo(routing);
        Routing plain = Routing.anyAccount(BotType.MID_JOURNEY, AccountFilter.NONE, null);
        assertThat(codec.readRouting(codec.write(plain))).isEqualTo(plain);
    }
}
