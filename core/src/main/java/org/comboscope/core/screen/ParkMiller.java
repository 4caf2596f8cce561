package org.comboscope.core.screen;

/**
 * The Park-Miller "minimal standard" Lehmer generator of Steve Park's {@code rngs.c}, as MAGeCK's
 * RRA uses it: {@code x <- 48271 x mod (2^31 - 1)}, {@code u = x / (2^31 - 1)}. RRA calls
 * {@code PlantSeeds(123456)}, which starts stream 0 at {@code x = 123456}.
 */
final class ParkMiller {
    static final long MODULUS = 2147483647L;
    static final long MULTIPLIER = 48271L;

    private long seed;

    ParkMiller(long seed) {
        long s = seed % MODULUS;
        this.seed = s > 0 ? s : 1;
    }

    /** The current state (the last value drawn, or the seed). */
    long state() {
        return seed;
    }

    /** The next uniform in (0, 1), bit-identical to {@code Random()} of rngs.c. */
    double next() {
        // 48271 * x mod (2^31 - 1) without a division: 2^31 = 1 (mod 2^31 - 1)
        long t = MULTIPLIER * seed;
        long r = (t & MODULUS) + (t >>> 31);
        seed = r >= MODULUS ? r - MODULUS : r;
        return (double) seed / MODULUS;
    }
}
