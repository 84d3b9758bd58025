package dev.buildrunner.spec;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * A spec's source split into lines, plus the normalised text that flexmark parses.
 *
 * <p>Lines end at {@code \r\n}, {@code \n} or a lone {@code \r}, as in CommonMark, so a line number
 * means the same in the source and in flexmark's AST. The normalised text joins the lines with
 * {@code \n}, drops a leading byte order mark and blanks Task Master's {@code <context>}/{@code <PRD>}
 * tag lines (an HTML block would otherwise swallow the heading under them). Blanking keeps every
 * line's length, so a column in the normalised text is a column in the source, plus one on the
 * first line when the source starts with a BOM.
 *
 * <p>Immutable (lines are cut from the text on first use); line numbers here are 0-based.
 */
final class SourceText {

    private static final Pattern TAG_LINE = Pattern.compile("\\s*</?(?:context|prd)>\\s*",
            Pattern.CASE_INSENSITIVE);

    private final String source;
    private final String text;
    private final int[] srcStart;
    private final int[] srcEnd;
    private final int[] textStart;
    private final String[] lines;
    private final boolean bom;
    private final String eol;

    SourceText(String source) {
        this.source = source;
        this.bom = !source.isEmpty() && source.charAt(0) == '\uFEFF';
        int n = source.length();
        int count = 0;
        int[] starts = new int[Math.max(16, n / 32)];
        int[] ends = new int[starts.length];
        String firstEol = null;
        boolean crFree = source.indexOf('\r') < 0;
        int pos = 0;
        while (pos < n) {
            int start = pos;
            if (crFree) {
                int nl = source.indexOf('\n', pos);
                pos = nl < 0 ? n : nl;
            } else {
                while (pos < n && source.charAt(pos) != '\n' && source.charAt(pos) != '\r') {
                    pos++;
                }
            }
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            starts[count] = start;
            ends[count] = pos;
            count++;
            if (pos < n) {
                int termStart = pos;
                pos += source.charAt(pos) == '\r' && pos + 1 < n && source.charAt(pos + 1) == '\n' ? 2 : 1;
                if (firstEol == null) {
                    firstEol = source.substring(termStart, pos);
                }
            }
        }
        this.srcStart = Arrays.copyOf(starts, count);
        this.srcEnd = Arrays.copyOf(ends, count);
        this.eol = firstEol == null ? "\n" : firstEol;
        this.lines = new String[count];
        if (!bom && crFree && !hasTagLine()) {
            // the common case: the normalised text is the source; lines are cut from it when asked for
            this.text = source;
            this.textStart = srcStart;
            return;
        }
        this.textStart = new int[count];
        StringBuilder sb = new StringBuilder(n + 1);
        for (int i = 0; i < count; i++) {
            int from = srcStart[i] + (i == 0 && bom ? 1 : 0);
            String line = source.substring(from, srcEnd[i]);
            if (line.indexOf('>') >= 0 && TAG_LINE.matcher(line).matches()) {
                line = " ".repeat(line.length());
            }
            lines[i] = line;
            textStart[i] = sb.length();
            sb.append(line);
            if (i < count - 1 || endsWithTerminator(source)) {
                sb.append('\n');
            }
        }
        this.text = sb.toString();
    }

    /** True when a line of the source is a Task Master tag line (only lines holding '>' are tried). */
    private boolean hasTagLine() {
        int at = source.indexOf('>');
        while (at >= 0) {
            int i = Arrays.binarySearch(srcStart, at);
            i = i >= 0 ? i : -i - 2;
            if (TAG_LINE.matcher(source.substring(srcStart[i], srcEnd[i])).matches()) {
                return true;
            }
            at = srcEnd[i] >= source.length() ? -1 : source.indexOf('>', srcEnd[i]);
        }
        return false;
    }

    private static boolean endsWithTerminator(String s) {
        return !s.isEmpty() && (s.charAt(s.length() - 1) == '\n' || s.charAt(s.length() - 1) == '\r');
    }

    String source() {
        return source;
    }

    /** The normalised text handed to flexmark. */
    String text() {
        return text;
    }

    int lineCount() {
        return lines.length;
    }

    /** The content of a 0-based line, without its terminator (normalised: no BOM, tags blanked). */
    String line(int i) {
        String l = lines[i];
        if (l == null) {
            // racy but benign: every thread computes the same immutable string
            l = text.substring(textStart[i], textStart[i] + srcEnd[i] - srcStart[i]);
            lines[i] = l;
        }
        return l;
    }

    /** True when a line is empty or white space only. */
    boolean isBlank(int i) {
        int from = textStart[i];
        int to = from + srcEnd[i] - srcStart[i] - (i == 0 && bom ? 1 : 0);
        for (int k = from; k < to; k++) {
            if (!Character.isWhitespace(text.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** The line terminator the file uses first ({@code \n} when it has none). */
    String eol() {
        return eol;
    }

    /** The 0-based line holding an offset of the normalised text. */
    int lineOf(int textOffset) {
        int i = Arrays.binarySearch(textStart, textOffset);
        if (i >= 0) {
            return i;
        }
        return Math.max(0, -i - 2);
    }

    /** The 0-based line a block starts on. */
    int startLine(MdBlock b) {
        return b.firstLine;
    }

    /** The 0-based line holding a block's last character. */
    int endLine(MdBlock b) {
        return b.lastLine;
    }

    /**
     * A block's characters as flexmark gives them: the normalised text, line ends and container
     * prefixes included, U+0000 replaced by U+FFFD (as CommonMark requires).
     */
    String chars(MdBlock b) {
        return text.substring(b.start, b.end).replace('\u0000', '\uFFFD');
    }

    /** The offset in the normalised text where a 0-based line starts; {@code lineCount()} gives its length. */
    int textOffset(int line) {
        return line >= textStart.length ? text.length() : textStart[line];
    }

    int colOf(int textOffset) {
        return textOffset - textStart[lineOf(textOffset)];
    }

    /** The source offset of a column of a 0-based line; {@code line == lineCount()} means the end. */
    int sourceOffset(int line, int col) {
        if (line >= lines.length) {
            return source.length();
        }
        return srcStart[line] + col + (line == 0 && bom ? 1 : 0);
    }

    /** The source offset where a 0-based line starts (its first byte, BOM included on line 0). */
    int lineStartOffset(int line) {
        return line >= lines.length ? source.length() : srcStart[line];
    }

    /** The source offset just after a 0-based line's content (before its terminator). */
    int lineEndOffset(int line) {
        return srcEnd[line];
    }

    /** The source offset of the start of the line after {@code line} (terminator included). */
    int nextLineStartOffset(int line) {
        return line + 1 >= lines.length ? source.length() : srcStart[line + 1];
    }
}
