package dev.buildrunner.support;

/** What BuildRunner says about itself: in {@code br --version}, SARIF's {@code tool.driver}, reports. */
public final class BuildInfo {
    /** BuildRunner's version (the Maven project's, without {@code -SNAPSHOT}). */
    public static final String VERSION = "0.1.0";
    /** Where BuildRunner is documented: SARIF's {@code tool.driver.informationUri}. */
    public static final String HOME_PAGE = "https://github.com/buildrunner/buildrunner";

    private BuildInfo() {
    }
}
