package dev.buildrunner.spec;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Field labels as specs write them: {@code **Requirements:**}, {@code **Priority**: High},
 * {@code *Why:* text}, plain {@code Depends on: X}, {@code #### Acceptance Criteria}, with ASCII or
 * full-width colons, and the feature field each one names.
 */
final class Labels {

    /** What a label names. */
    enum Field {
        DESCRIPTION, REQUIREMENTS, FILES, DEPENDENCIES, ACCEPTANCE, COMPLEXITY, PRIORITY, ENDPOINTS;

        boolean isList() {
            return this == REQUIREMENTS || this == FILES || this == DEPENDENCIES || this == ACCEPTANCE
                    || this == ENDPOINTS;
        }
    }

    /**
     * A label found at the start of a line of text.
     *
     * @param label the label as written, without markup and colon
     * @param field the field it names, null when it is not a known field label
     * @param valueStart the column (in the text given) where the inline value starts
     * @param value the inline value, trimmed; empty when the label stands alone
     */
    record Label(String label, Field field, int valueStart, String value) {
    }

    private static final Map<String, Field> KNOWN = new HashMap<>();

    static {
        put(Field.DESCRIPTION, "description", "summary", "user story", "story", "描述", "说明", "简介", "用户故事",
                "功能描述", "概述");
        put(Field.REQUIREMENTS, "requirements", "requirement", "features", "key features", "key capabilities",
                "capabilities", "implementation details", "functional requirements", "tasks", "subtasks",
                "sub-tasks", "how", "scope", "需求", "功能需求", "要求", "功能点");
        put(Field.FILES, "files", "file", "files to create", "files to modify", "files to update", "files to change",
                "files to edit", "new files", "files created", "files modified", "key files", "implementation",
                "文件", "涉及文件");
        put(Field.DEPENDENCIES, "dependencies", "dependency", "depends on", "depends", "depend on", "requires",
                "prerequisites", "prerequisite", "blocked by", "依赖", "前置条件", "依赖项");
        put(Field.ACCEPTANCE, "acceptance criteria", "acceptance criterion", "acceptance", "acceptance scenarios",
                "acceptance tests", "success criteria", "definition of done", "done when", "验收标准", "验收条件");
        put(Field.COMPLEXITY, "complexity", "estimated complexity", "difficulty", "复杂度", "难度");
        put(Field.PRIORITY, "priority", "优先级");
        put(Field.ENDPOINTS, "endpoint", "endpoints", "api endpoints", "api endpoint", "routes", "接口");
    }

    private static void put(Field f, String... names) {
        for (String n : names) {
            KNOWN.put(n, f);
        }
    }

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    // **Label:** value | **Label**: value | __Label:__ value
    private static final Pattern BOLD = Pattern.compile(
            "^(\\*\\*|__)([^*_\\n]{1,80}?)\\s*([:：])?\\s*\\1\\s*([:：])?");
    // *Label:* value | _Label:_ value
    private static final Pattern ITALIC = Pattern.compile("^([*_])([^*_\\n]{1,60}?)\\s*[:：]\\s*\\1(?![*_])");
    // Label: value   (plain)
    private static final Pattern PLAIN = Pattern.compile("^([^\\s:：*_`#>|\\[\\-][^:：`]{0,60}?)\\s*[:：](?=\\s|$)");

    private Labels() {
    }

    /** The field a label names, or null. */
    static Field field(String label) {
        return KNOWN.get(normalize(label));
    }

    /**
     * Lower-cased label without markup, emoji, numbering or trailing colon: "**Files to Create:**"
     * gives "files to create".
     */
    static String normalize(String label) {
        String s = label.replace("*", "").replace("`", "").replace("：", ":").trim();
        while (s.endsWith(":")) {
            s = s.substring(0, s.length() - 1).trim();
        }
        s = stripLeadingSymbols(s);
        if (s.startsWith("_") && s.endsWith("_") && s.length() > 1) {
            s = s.substring(1, s.length() - 1);
        }
        // "1. Requirements" or "2) Files"
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i > 0 && i + 1 < s.length() && (s.charAt(i) == '.' || s.charAt(i) == ')')
                && Character.isWhitespace(s.charAt(i + 1))) {
            s = s.substring(i + 1);
        }
        return TextScan.squash(s.toLowerCase(Locale.ROOT));
    }

    /** Drops emoji, symbols and punctuation in front of the first letter or digit. */
    static String stripLeadingSymbols(String s) {
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (Character.isLetterOrDigit(cp) || cp == '`' || cp == '.' || cp == '/' || cp == '_' || cp == '(') {
                break;
            }
            i += Character.charCount(cp);
        }
        return s.substring(i).trim();
    }

    /**
     * Reads a label at the start of {@code line} (already stripped of list markers and indentation).
     * Bold and italic labels are taken whatever they say; a plain {@code Label:} only when it names a
     * known field, or stands alone on the line and is short (at most five words).
     *
     * @return the label, or null when the line does not start with one
     */
    static Label parse(String line) {
        if (line.isEmpty()) {
            return null;
        }
        char c = line.charAt(0);
        if (c == '*' || c == '_') {
            if (!hasColonEarly(line) && line.indexOf(':') < 0 && line.indexOf('：') < 0) {
                return null;
            }
            Matcher m = BOLD.matcher(line);
            if (m.find() && (m.group(3) != null ^ m.group(4) != null)) {
                return make(m.group(2), line, m.end());
            }
            m = ITALIC.matcher(line);
            if (m.find()) {
                return make(m.group(2), line, m.end());
            }
            return null;
        }
        if (!hasColonEarly(line)) {
            return null; // the common case: prose, no label
        }
        Matcher m = PLAIN.matcher(line);
        if (!m.find()) {
            return null;
        }
        String label = m.group(1).trim();
        String rest = line.substring(m.end()).trim();
        Field f = field(label);
        if (f != null) {
            return make(label, line, m.end());
        }
        if (rest.isEmpty() && WHITESPACE.split(label).length <= 5 && !label.endsWith(".")) {
            return make(label, line, m.end());
        }
        return null;
    }

    private static boolean hasColonEarly(String line) {
        int n = Math.min(line.length(), 64);
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c == ':' || c == '：') {
                return true;
            }
        }
        return false;
    }

    private static Label make(String rawLabel, String line, int end) {
        int valueStart = end;
        while (valueStart < line.length() && Character.isWhitespace(line.charAt(valueStart))) {
            valueStart++;
        }
        String label = rawLabel.trim();
        return new Label(label, field(label), valueStart, line.substring(valueStart).trim());
    }

    /** ASCII-folds accented Latin letters: "Café" gives "Cafe". */
    static String fold(String s) {
        if (isAscii(s)) {
            return s; // decomposing ASCII changes nothing
        }
        String d = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char ch = d.charAt(i);
            if (Character.getType(ch) != Character.NON_SPACING_MARK) {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
