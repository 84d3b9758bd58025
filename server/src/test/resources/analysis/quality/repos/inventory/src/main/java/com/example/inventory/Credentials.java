package com.example.inventory;

/** Where the service's credentials come from: the environment, never the code. */
public final class Credentials {
    /** The database password, from the environment. */
    public String databasePassword() {
        String password = System.getenv("DB_PASSWORD");
        return password == null ? "" : password;
    }

    /** The documented AWS example key id, allow-listed by value in quality-standards.yaml. */
    public String exampleKeyId() {
        return "AKIAIOSFODNN7EXAMPLE";
    }

    /** A key used by the local emulator only; allowed inline. */
    public String emulatorToken() {
        String token = "Zm9yLXRoZS1sb2NhbC1lbXVsYXRvcg42"; // buildrunner:allow-secret (local emulator)
        return token;
    }

    /** Leaked: a real-looking Slack bot token in code. */
    public String slackToken() {
        return "xoxb-996030824628-194821993518-TeKdNnFRIBXuDL7DxtpYlSXp";
    }
}
