package com.example.vuln;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/** Account lookups with two textbook security bugs, for SpotBugs and find-sec-bugs to find. */
public final class Accounts {
    private final Connection connection;

    public Accounts(Connection connection) {
        this.connection = connection;
    }

    /** Hashes a password with MD5: a weak digest. */
    public String hashPassword(String password) throws NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("MD5");
        return HexFormat.of().formatHex(md.digest(password.getBytes(StandardCharsets.UTF_8)));
    }

    /** Looks an account up by a name from the request: SQL built by concatenation. */
    public boolean exists(String name) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT id FROM accounts WHERE name = '" + name + "'")) {
            return rs.next();
        }
    }
}
