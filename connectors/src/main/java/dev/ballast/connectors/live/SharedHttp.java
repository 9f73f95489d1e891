package dev.ballast.connectors.live;

import okhttp3.OkHttpClient;

/**
 * The one OkHttp client of the process: one connection pool and one dispatcher shared by every venue, as OkHttp
 * recommends. Venues derive their own settings from it ({@code newBuilder()}), which shares the pool. Thread-safe.
 */
public final class SharedHttp {
    private static final OkHttpClient CLIENT = new OkHttpClient.Builder().build();

    private SharedHttp() {
    }

    public static OkHttpClient client() {
        return CLIENT;
    }
}
