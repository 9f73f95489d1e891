package dev.ballast.connectors.sim;

import java.util.SplittableRandom;

/**
 * One named, seeded stream of random numbers. Every random process of the simulation (a price walk, a dislocation,
 * a book's level sizes, a market's taker flow) draws from its own stream, seeded from the market seed and the
 * stream's name, so adding a venue or a market never changes the numbers another process sees. Normal and
 * exponential variates are computed here with {@link StrictMath} rather than taken from the JDK's generators, so a
 * seed gives the same market on every JDK and CPU.
 *
 * <p>Not thread-safe: owned by the thread driving the simulation.
 */
final class RandomStream {
    private final SplittableRandom random;
    private double spareGaussian;
    private boolean hasSpare;

    RandomStream(long seed, String name) {
        this.random = new SplittableRandom(seedFor(seed, name));
    }

    /** Mixes a market seed and a stream name into a stream seed (FNV-1a over the name, then SplitMix64's finaliser). */
    static long seedFor(long seed, String name) {
        long h = 0xcbf29ce484222325L ^ seed;
        for (int i = 0; i < name.length(); i++) {
            h ^= name.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix64(h);
    }

    /** SplitMix64's finaliser: a bijection of 64-bit values that spreads every input bit over the output. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return random.nextDouble();
    }

    /** A standard normal variate (Marsaglia's polar method). */
    double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double m = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        spareGaussian = v * m;
        hasSpare = true;
        return u * m;
    }

    /** An exponential variate with the given mean. */
    double nextExponential(double mean) {
        return -mean * StrictMath.log(1 - random.nextDouble());
    }
}
