package dev.mjbridge.notify;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HookUrlsTest {

    @Test
    void logsNeitherQueryNorUserInfoNorFragment() {
        assertThat(HookUrls.forLog("https://user:pw@hooks.example.com:8443/mj/done?token=s3cret#frag"))
                .isEqualTo("https://hooks.example.com:8443/mj/done");
    }

    @Test
    void masksPathSegmentsThatLookLikeTokens() {
        assertThat(HookUrls.forLog("https://discord.com/api/webhooks/123/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789"))
                .isEqualTo("https://discord.com/api/webhooks/123/***");
    }

    @Test
    void keepsATrailingSlashAndSaysWhenTheUrlIsUnusable() {
        assertThat(HookUrls.forLog("http://127.0.0.1:9000/")).isEqualTo("http://127.0.0.1:9000/");
        assertThat(HookUrls.forLog("not a url?token=x")).isEqualTo("<invalid hook URL>");
    }

    @Test
    void hostIsNormalised() {
        assertThat(HookUrls.host(HookUrls.parse("http://[::1]:80/").orElseThrow())).isEqualTo("::1");
        assertThat(HookUrls.host(HookUrls.parse("http://Hooks.Example.COM./").orElseThrow())).isEqualTo("hooks.example.com");
    }
}
