package dev.ballast.connectors.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class HmacSignerTest {
    @Test
    void shouldSignABinanceQueryAsTheVenueDocumentsIt() {
        HmacSigner signer = HmacSigner.sha256("NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j");

        String signature = signer.hex("symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1"
                + "&recvWindow=5000&timestamp=1499827319559");

        assertThat(signature).isEqualTo("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
    }

    @Test
    void shouldMatchRfc4231TestCaseTwoInHexAndBase64() {
        HmacSigner signer = HmacSigner.sha256("Jefe");

        assertThat(signer.hex("what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        assertThat(signer.base64("what do ya want for nothing?"))
                .isEqualTo("W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=");
    }

    @Test
    void shouldSignWithHmacSha512UnderABase64Key() {
        String key = Base64.getEncoder().encodeToString("Jefe".getBytes(StandardCharsets.UTF_8));

        String signature = HmacSigner.sha512Base64Key(key).base64("what do ya want for nothing?");

        assertThat(Base64.getDecoder().decode(signature)).asHexString().isEqualToIgnoringCase(
                "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737");
    }

    @Test
    void shouldSignAKrakenRequestAsTheVenueDocumentsIt() {
        HmacSigner signer = HmacSigner.sha512Base64Key(
                "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==");
        String nonce = "1616492376594";
        String body = "nonce=1616492376594&ordertype=limit&pair=XBTUSD&price=37500&type=buy&volume=1.25";
        byte[] path = "/0/private/AddOrder".getBytes(StandardCharsets.UTF_8);
        byte[] digest = HmacSigner.sha256Digest(nonce + body);
        byte[] message = new byte[path.length + digest.length];
        System.arraycopy(path, 0, message, 0, path.length);
        System.arraycopy(digest, 0, message, path.length, digest.length);

        assertThat(signer.base64(message)).isEqualTo(
                "4/dpxb3iT4tp/ZCVEwSnEsLxx0bqyhLpdfOpc6fn7OR8+UClSV5n9E6aSS8MPtnRfp32bAb0nmbRn6H8ndwLUQ==");
    }

    @Test
    void shouldNeverShowItsKey() {
        HmacSigner signer = HmacSigner.sha256("topsecretvalue");

        assertThat(signer.toString()).doesNotContain("topsecretvalue").contains("***");
        assertThatThrownBy(() -> HmacSigner.sha512Base64Key("not base64 !!"))
                .hasMessage("the HMAC-SHA512 secret is not valid base64");
    }
}
