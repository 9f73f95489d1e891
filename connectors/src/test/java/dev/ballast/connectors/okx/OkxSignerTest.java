package dev.ballast.connectors.okx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ballast.connectors.live.Credentials;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** OKX's signing rules, checked against values computed independently (Python's hmac over the same text). */
class OkxSignerTest {
    private static final Credentials CREDENTIALS = new Credentials("key-1234", "22582BD0CFF14C41EDBF1AB98506286D",
            "my-passphrase");
    private final OkxSigner signer = new OkxSigner(CREDENTIALS, false);

    @Test
    void shouldWriteTheTimestampAsIsoUtcWithMilliseconds() {
        assertThat(OkxSigner.isoTimestamp(1_607_418_537_715L)).isEqualTo("2020-12-08T09:08:57.715Z");
        assertThat(OkxSigner.isoTimestamp(1_607_418_537_000L)).isEqualTo("2020-12-08T09:08:57.000Z");
    }

    @Test
    void shouldSignTimestampMethodPathWithQueryAndBodyAsBase64HmacSha256() {
        Map<String, String> headers = signer.headers(1_607_418_537_715L, "GET", "/api/v5/account/balance?ccy=BTC",
                null);

        assertThat(headers).containsEntry("OK-ACCESS-SIGN", "HiZhvSfMtWJA3uUIVXV3a/bSXNPCWvYFXoGCVS8V4zY=")
                .containsEntry("OK-ACCESS-KEY", "key-1234")
                .containsEntry("OK-ACCESS-PASSPHRASE", "my-passphrase")
                .containsEntry("OK-ACCESS-TIMESTAMP", "2020-12-08T09:08:57.715Z")
                .doesNotContainKey("x-simulated-trading");
    }

    @Test
    void shouldSignTheLoginOverTimestampGetAndTheVerifyPath() {
        JsonNode login = OkxMapper.tree(signer.loginFrame(1_538_054_050L));

        assertThat(login.get("op").asText()).isEqualTo("login");
        JsonNode args = login.get("args").get(0);
        assertThat(args.get("timestamp").asText()).isEqualTo("1538054050");
        assertThat(args.get("sign").asText()).isEqualTo("+LdIr8lkkvhr5hoA3g9TMC0+uQJ849ftAcocA/ouu4M=");
        assertThat(args.get("apiKey").asText()).isEqualTo("key-1234");
        assertThat(args.get("passphrase").asText()).isEqualTo("my-passphrase");
    }

    @Test
    void shouldMarkDemoTradingRequests() {
        assertThat(new OkxSigner(CREDENTIALS, true).headers(0, "GET", "/api/v5/account/balance", null))
                .containsEntry("x-simulated-trading", "1");
    }

    @Test
    void shouldNeverShowTheSecretOrPassphraseInItsOwnText() {
        assertThat(signer.toString()).doesNotContain(CREDENTIALS.secret()).doesNotContain("my-passphrase");
        assertThat(signer.redact("failed: my-passphrase 22582BD0CFF14C41EDBF1AB98506286D"))
                .isEqualTo("failed: *** ***");
    }
}
