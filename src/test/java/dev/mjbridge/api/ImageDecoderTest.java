package dev.mjbridge.api;

import static dev.mjbridge.api.ApiFixture.GIF;
import static dev.mjbridge.api.ApiFixture.JPEG;
import static dev.mjbridge.api.ApiFixture.PNG;
import static dev.mjbridge.api.ApiFixture.WEBP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mjbridge.midjourney.JobRequest.ImageData;

class ImageDecoderTest {

    private final ImageDecoder decoder = new ImageDecoder(new ApiProperties(null, List.of(),
            new ApiProperties.Limits(32, 100, 5)));

    @Test
    void sniffsEachFormatFromTheBytes() {
        assertThat(decoder.decode("f", ApiFixture.base64(PNG)).contentType()).isEqualTo("image/png");
        assertThat(decoder.decode("f", ApiFixture.base64(JPEG)).contentType()).isEqualTo("image/jpeg");
        assertThat(decoder.decode("f", ApiFixture.base64(WEBP)).contentType()).isEqualTo("image/webp");
        assertThat(decoder.decode("f", ApiFixture.base64(GIF)).contentType()).isEqualTo("image/gif");
    }

    @Test
    void trustsTheBytesNotTheDataUrlType() {
        ImageData image = decoder.decode("f", "data:image/png;base64," + ApiFixture.base64(JPEG));

        assertThat(image.contentType()).isEqualTo("image/jpeg");
        assertThat(image.filename()).isEqualTo("image.jpg");
        assertThat(image.bytes()).isEqualTo(JPEG);
    }

    @Test
    void acceptsDataUrlParametersLineBreaksUrlSafeAlphabetAndMissingPadding() {
        byte[] png = Arrays.copyOf(PNG, 14);
        png[12] = (byte) 0xFB;
        png[13] = (byte) 0xFF;
        String standard = Base64.getEncoder().encodeToString(png);
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(png);

        assertThat(decoder.decode("f", "DATA:image/png;charset=utf-8;base64," + standard).bytes()).isEqualTo(png);
        assertThat(decoder.decode("f", standard.substring(0, 8) + "\r\n" + standard.substring(8)).bytes()).isEqualTo(png);
        assertThat(decoder.decode("f", urlSafe).bytes()).isEqualTo(png);
    }

    @Test
    void theSizeLimitIsOnDecodedBytes() {
        byte[] exactly = Arrays.copyOf(PNG, 32);
        byte[] over = Arrays.copyOf(PNG, 33);

        assertThat(decoder.decode("f", ApiFixture.base64(exactly)).bytes()).hasSize(32);
        assertThatThrownBy(() -> decoder.decode("img", ApiFixture.base64(over)))
                .isInstanceOf(RejectedRequest.class)
                .hasMessage("img: image is larger than 32 bytes");
    }

    @Test
    void numbersTheFilesOfAnArray() {
        List<ImageData> images = decoder.decodeAll("base64Array", List.of(ApiFixture.base64(PNG), ApiFixture.base64(GIF)));

        assertThat(images).extracting(ImageData::filename).containsExactly("image-1.png", "image-2.gif");
    }

    @Test
    void refusesWhatIsNotAnImage() {
        assertThatThrownBy(() -> decoder.decode("b", "  ")).hasMessage("b: is empty");
        assertThatThrownBy(() -> decoder.decode("b", "%%%")).hasMessage("b: is not valid base64");
        assertThatThrownBy(() -> decoder.decode("b", "data:image/png;base64,")).hasMessage("b: is empty");
        assertThatThrownBy(() -> decoder.decode("b", ApiFixture.base64("GIF8 no".getBytes())))
                .hasMessage("b: not a PNG, JPEG, WebP or GIF image");
    }
}
