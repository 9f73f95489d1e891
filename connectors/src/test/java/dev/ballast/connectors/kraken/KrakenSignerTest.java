package dev.ballast.connectors.kraken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.connectors.live.Credentials;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class KrakenSignerTest {
    /** The worked example of Kraken's REST authentication guide (a published test key, not a real one). */
    private static final String DOC_SECRET =
            "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==";

    @Test
    void shouldSignKrakensDocumentedExampleExactly() {
        KrakenSigner signer = new KrakenSigner(new Credentials("doc-key", DOC_SECRET, null), () -> 0L);

        String sign = signer.sign("/0/private/AddOrder", 1616492376594L,
                "nonce=1616492376594&ordertype=limit&pair=XBTUSD&price=37500&type=buy&volume=1.25");

        assertThat(sign).isEqualTo(
                "4/dpxb3iT4tp/ZCVEwSnEsLxx0bqyhLpdfOpc6fn7OR8+UClSV5n9E6aSS8MPtnRfp32bAb0nmbRn6H8ndwLUQ==");
    }

    @Test
    void shouldMakeStrictlyIncreasingNoncesEvenWhenTheClockStandsStillOrStepsBack() {
        AtomicLong epochNs = new AtomicLong(1_700_000_000_000_000_000L);
        KrakenSigner signer = new KrakenSigner(new Credentials("k", DOC_SECRET, null), epochNs::get);

        long first = signer.nextNonce();
        long second = signer.nextNonce();
        epochNs.addAndGet(-5_000_000_000L);
        long third = signer.nextNonce();
        epochNs.addAndGet(60_000_000_000L);
        long fourth = signer.nextNonce();

        assertThat(first).isEqualTo(1_700_000_000_000_000L);
        assertThat(second).isEqualTo(first + 1);
        assertThat(third).isEqualTo(second + 1);
        assertThat(fourth).isEqualTo(1_700_000_055_000_000L);
    }

    @Test
    void shouldRefuseASecretThatIsNotBase64WithoutShowingIt() {
        String secret = "not base64 at all!!";

        assertThatThrownBy(() -> new KrakenSigner(new Credentials("key-1234", secret, null), () -> 0L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not base64")
                .hasMessageNotContaining(secret);
    }

    @Test
    void shouldEncodeTheFormBodyStartingWithTheNonce() {
        var params = new java.util.LinkedHashMap<String, String>();
        params.put("cl_ord_id", "abc123");
        params.put("txid", "OAB-CD,OEF");

        assertThat(KrakenRestClient.form(42, params)).isEqualTo("nonce=42&cl_ord_id=abc123&txid=OAB-CD%2COEF");
    }
}
