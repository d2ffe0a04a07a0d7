package io.circlebridge.simulator.scenario;

import java.util.Locale;
import java.util.Optional;

/** The version control systems that classic (OAuth) CircleCI projects use, with their slug prefixes. */
public enum VcsProvider {
    GITHUB("GitHub", "gh", "github", "https://github.com/"),
    BITBUCKET("Bitbucket", "bb", "bitbucket", "https://bitbucket.org/");

    private final String providerName;
    private final String shortPrefix;
    private final String longPrefix;
    private final String webBase;

    VcsProvider(String providerName, String shortPrefix, String longPrefix, String webBase) {
        this.providerName = providerName;
        this.shortPrefix = shortPrefix;
        this.longPrefix = longPrefix;
        this.webBase = webBase;
    }

    /** Finds the provider for a slug prefix in the short ({@code gh}) or long ({@code github}) form. */
    public static Optional<VcsProvider> fromSlugPrefix(String prefix) {
        String lower = prefix.toLowerCase(Locale.ROOT);
        for (VcsProvider provider : values()) {
            if (provider.shortPrefix.equals(lower) || provider.longPrefix.equals(lower)) {
                return Optional.of(provider);
            }
        }
        return Optional.empty();
    }

    /** Returns the name that {@code vcs.provider_name} reports. */
    public String providerName() {
        return providerName;
    }

    public String shortPrefix() {
        return shortPrefix;
    }

    String webBase() {
        return webBase;
    }
}
