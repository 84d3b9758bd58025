package dev.buildrunner.analysis.quality;

import net.sourceforge.pmd.lang.LanguageRegistry;
import net.sourceforge.pmd.lang.java.ast.ASTConstructorDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTExecutableDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTMethodDeclaration;
import net.sourceforge.pmd.lang.java.metrics.JavaMetrics;
import net.sourceforge.pmd.lang.java.rule.AbstractJavaRulechainRule;
import net.sourceforge.pmd.lang.metrics.MetricsUtil;

/**
 * A PMD rule that reports every method and constructor with a body, carrying its metrics from PMD's
 * metrics API ({@link JavaMetrics#CYCLO}, {@link JavaMetrics#COGNITIVE_COMPLEXITY},
 * {@link JavaMetrics#NCSS}) in the violation message {@code "<cyclo> <cognitive> <ncss> <name>"}, which
 * {@link ComplexityCheck} reads back. Reported without suppression ({@code NOPMD} does not hide a
 * method's metrics). PMD copies rules per thread through the public no-argument constructor.
 */
public final class MethodMetricsRule extends AbstractJavaRulechainRule {
    /** The rule's name. */
    public static final String NAME = "MethodMetrics";

    /** A rule ready to add to a PMD rule set. */
    public MethodMetricsRule() {
        super(ASTMethodDeclaration.class, ASTConstructorDeclaration.class);
        setName(NAME);
        setMessage("method metrics");
        setLanguage(LanguageRegistry.PMD.getLanguageById("java"));
    }

    @Override
    public Object visit(ASTMethodDeclaration node, Object data) {
        report(node, data);
        return data;
    }

    @Override
    public Object visit(ASTConstructorDeclaration node, Object data) {
        report(node, data);
        return data;
    }

    private void report(ASTExecutableDeclaration node, Object data) {
        if (node.getBody() == null
                || !MetricsUtil.supportsAll(node, JavaMetrics.CYCLO, JavaMetrics.COGNITIVE_COMPLEXITY)) {
            return;
        }
        int cyclo = MetricsUtil.computeMetric(JavaMetrics.CYCLO, node);
        int cognitive = MetricsUtil.computeMetric(JavaMetrics.COGNITIVE_COMPLEXITY, node);
        int ncss = MetricsUtil.computeMetric(JavaMetrics.NCSS, node);
        asCtx(data).addViolationNoSuppress(node, node.getAstInfo(), "{0}",
                cyclo + " " + cognitive + " " + ncss + " " + node.getName());
    }
}
