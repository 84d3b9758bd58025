package dev.buildrunner.analysis;

import java.util.Locale;

/**
 * How serious a finding is, in SARIF's levels (SARIF 2.1.0 section 3.27.10, {@code result.level}).
 * {@link #ERROR} findings are what gates fail on; {@link #NOTE} is information only.
 */
public enum Level {
    ERROR, WARNING, NOTE;

    /** The SARIF spelling: {@code error}, {@code warning} or {@code note}. */
    public String sarif() {
        return name().toLowerCase(Locale.ROOT);
    }
}
