package io.circlebridge.simulator.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Seeded choices and ids, so that one seed always builds the same projects and pipelines. */
public final class RandomSource {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String HEX = "0123456789abcdef";

    private final Random random;

    public RandomSource(long seed) {
        this.random = new Random(seed);
    }

    /** Derives an independent source for one named part, such as one pipeline of one project. */
    public static RandomSource derive(long seed, String part, long index) {
        long mixed = seed ^ (part.hashCode() * 0x9E3779B97F4A7C15L) ^ (index * 0xBF58476D1CE4E5B9L);
        return new RandomSource(mixed);
    }

    /** Returns a random UUID in the version 4 layout, drawn from the seed. */
    public String uuid() {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }

    /** Returns {@code length} lower-case hex digits, such as a git commit SHA. */
    public String hex(int length) {
        return draw(HEX, length);
    }

    /** Returns {@code length} letters and digits, the shape of CircleCI's short organization and project ids. */
    public String base62(int length) {
        return draw(BASE62, length);
    }

    /** Returns true with probability {@code probability}. */
    public boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** Returns a uniformly chosen element. */
    public <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** Returns an int in {@code [0, bound)}. */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** Returns a duration between {@code min} and {@code max}, in whole milliseconds. */
    public Duration between(Duration min, Duration max) {
        long span = max.toMillis() - min.toMillis();
        long offset = span <= 0 ? 0 : (long) (random.nextDouble() * span);
        return Duration.ofMillis(min.toMillis() + offset);
    }

    private String draw(String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
