package io.vigil.alert.notification;

import java.util.List;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders one recipient's alert email from {@code templates/mail/alerts.html} and {@code alerts.txt}.
 * The HTML template only uses escaping expressions ({@code th:text}), so a connection name or an error
 * message carrying markup is shown, never interpreted. The text template writes values unescaped
 * ({@code [(...)]}): a text/plain part is never interpreted, and escaping it would show {@code &lt;} to
 * the reader.
 */
public final class AlertMailRenderer {

    /** Alerts shown in full, the most urgent first (the order of {@link NoticeGroups#ORDER}). */
    static final int IN_FULL = 20;
    /**
     * Alerts named at all. Past {@link #IN_FULL} an alert gets one line, past this only a count: when a
     * whole fleet goes down, one email with every detail would run to megabytes nobody reads.
     */
    static final int LISTED = 200;

    public record Rendered(String subject, String text, String html) {
    }

    private final TemplateEngine html = engine(TemplateMode.HTML, ".html");
    private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");

    /** @param notices in {@link NoticeGroups#ORDER} */
    public Rendered render(List<AlertNotice> notices) {
        String subject = SubjectLine.of(notices);
        Context context = new Context();
        context.setVariable("subject", subject);
        int inFull = Math.min(IN_FULL, notices.size());
        int listed = Math.min(LISTED, notices.size());
        context.setVariable("notices", notices.subList(0, inFull).stream().map(NoticeView::of).toList());
        context.setVariable("brief", notices.subList(inFull, listed).stream().map(NoticeView::line).toList());
        context.setVariable("more", notices.size() - inFull);
        context.setVariable("unlisted", notices.size() - listed);
        return new Rendered(subject, text.process("alerts", context), html.process("alerts", context));
    }

    private static TemplateEngine engine(TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(AlertMailRenderer.class.getClassLoader());
        resolver.setPrefix("templates/mail/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
