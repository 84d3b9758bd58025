package dev.buildrunner.analysis;

import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.Region;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes an {@link AnalysisResult} as a SARIF 2.1.0 log (OASIS SARIF 2.1.0) of one run, in the
 * shape GitHub code scanning accepts for upload: {@code tool.driver} with its rules, one location
 * per result with a repository-relative {@code artifactLocation.uri} and a 1-based
 * {@code region.startLine}, at most {@value #MAX_RESULTS} results per run (GitHub's limit; the run's
 * properties say how many were left out).
 *
 * <p>A finding without a file (for example "the spec's feature has no code at all") is located on
 * the spec file, at the feature's line when the finding gives one, so every result has a location
 * as code scanning requires. Built on java-sarif's generated POJOs; serialised with Jackson.
 */
public final class SarifWriter {
    /** The schema URI written into {@code $schema}. */
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    /** GitHub code scanning keeps at most this many results per run. */
    public static final int MAX_RESULTS = 25_000;

    private final String toolVersion;
    private final String informationUri;
    private final ObjectMapper json;

    /**
     * @param toolVersion BuildRunner's version, written as {@code tool.driver.version}
     * @param informationUri where BuildRunner is documented (an absolute URI)
     */
    public SarifWriter(String toolVersion, String informationUri) {
        this.toolVersion = Objects.requireNonNull(toolVersion, "toolVersion");
        this.informationUri = Objects.requireNonNull(informationUri, "informationUri");
        this.json = new ObjectMapper()
                .setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    /**
     * Builds the SARIF log.
     *
     * @param result the analyser's report
     * @param fallbackPath where findings without a path are located (the spec's path)
     */
    public SarifSchema210 toSarif(AnalysisResult result, String fallbackPath) {
        List<ReportingDescriptor> rules = new ArrayList<>();
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        for (RuleDescriptor r : result.rules()) {
            if (ruleIndex.putIfAbsent(r.id(), rules.size()) == null) {
                rules.add(descriptor(r));
            }
        }
        List<Result> results = new ArrayList<>();
        int left = 0;
        for (Finding f : result.findings()) {
            if (results.size() == MAX_RESULTS) {
                left++;
                continue;
            }
            Integer index = ruleIndex.get(f.ruleId());
            if (index == null) {
                index = rules.size();
                ruleIndex.put(f.ruleId(), index);
                rules.add(descriptor(new RuleDescriptor(f.ruleId(), f.ruleId(), "")));
            }
            results.add(result(f, index, fallbackPath));
        }
        ToolComponent driver = new ToolComponent()
                .withName("BuildRunner " + result.analyser())
                .withVersion(toolVersion)
                .withInformationUri(URI.create(informationUri))
                .withRules(new java.util.LinkedHashSet<>(rules));
        PropertyBag runProps = new PropertyBag();
        runProps.setAdditionalProperty("revision", result.revision());
        runProps.setAdditionalProperty("passed", result.passed());
        runProps.setAdditionalProperty("summary", result.summary());
        if (left > 0) {
            runProps.setAdditionalProperty("resultsLeftOut", left);
        }
        Run run = new Run().withTool(new Tool().withDriver(driver)).withResults(results).withProperties(runProps);
        return new SarifSchema210()
                .with$schema(URI.create(SCHEMA))
                .withVersion(SarifSchema210.Version._2_1_0)
                .withRuns(List.of(run));
    }

    /**
     * Writes the SARIF log as UTF-8 JSON; the stream is left open.
     *
     * @throws IOException when the stream fails
     */
    public void write(AnalysisResult result, String fallbackPath, OutputStream out) throws IOException {
        json.writeValue(new NonClosing(out), toSarif(result, fallbackPath));
    }

    /** The SARIF log as a UTF-8 JSON string. */
    public String toJson(AnalysisResult result, String fallbackPath) {
        try {
            return json.writeValueAsString(toSarif(result, fallbackPath));
        } catch (IOException e) {
            throw new IllegalStateException("SARIF serialisation failed", e);
        }
    }

    private static ReportingDescriptor descriptor(RuleDescriptor r) {
        ReportingDescriptor d = new ReportingDescriptor()
                .withId(r.id())
                .withShortDescription(new MultiformatMessageString().withText(r.shortDescription()));
        if (!r.helpUri().isEmpty()) {
            d.setHelpUri(URI.create(r.helpUri()));
        }
        return d;
    }

    private static Result result(Finding f, int ruleIndex, String fallbackPath) {
        String path = f.path().isEmpty() ? fallbackPath : f.path();
        PhysicalLocation physical = new PhysicalLocation().withArtifactLocation(
                new ArtifactLocation().withUri(uriOf(path)).withUriBaseId("%SRCROOT%"));
        if (f.line() > 0) {
            physical.setRegion(new Region().withStartLine(f.line()));
        }
        Result r = new Result()
                .withRuleId(f.ruleId())
                .withRuleIndex(ruleIndex)
                .withLevel(Result.Level.fromValue(f.level().sarif()))
                .withMessage(new Message().withText(f.message()))
                .withLocations(List.of(new Location().withPhysicalLocation(physical)));
        com.contrastsecurity.sarif.Fingerprints fp = new com.contrastsecurity.sarif.Fingerprints();
        fp.setAdditionalProperty("buildrunner/v1", fingerprint(f));
        r.setFingerprints(fp);
        if (!f.properties().isEmpty() || !f.featureId().isEmpty()) {
            PropertyBag props = new PropertyBag();
            if (!f.featureId().isEmpty()) {
                props.setAdditionalProperty("feature", f.featureId());
            }
            f.properties().forEach(props::setAdditionalProperty);
            r.setProperties(props);
        }
        return r;
    }

    /** Percent-encodes what a URI reference cannot hold; keeps {@code /}. */
    private static String uriOf(String path) {
        StringBuilder sb = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~/".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return sb.toString();
    }

    /** Stable across runs and line moves: rule, path, feature and message. */
    private static String fingerprint(Finding f) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((f.ruleId() + '\0' + f.path() + '\0' + f.featureId() + '\0' + f.message())
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Jackson closes the stream it writes to; the caller owns it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
