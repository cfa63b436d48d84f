package org.linkway.server.web;

import io.javalin.config.RoutesConfig;
import java.time.Clock;
import org.linkway.validation.MessageValidator;

/**
 * The pages people use in a browser, and the open validation endpoint they sit on: the start
 * page, the message inspector, {@code POST /v1/$validate} and the assets. All of it is public
 * (see {@code AccessPolicy}): no page here shows stored data. See docs/WEB.md.
 */
public final class WebRoutes {

    private final Assets assets = new Assets();
    private final InspectorPage inspector;
    private final ValidateRoute validate;

    public WebRoutes(MessageValidator validator, WebSettings settings, Clock clock) {
        Inspection inspection = new Inspection(validator);
        Limits limits = new Limits(settings, clock);
        this.inspector = new InspectorPage(inspection, limits);
        this.validate = new ValidateRoute(inspection, limits);
    }

    public void register(RoutesConfig routes) {
        assets.register(routes);
        routes.get("/", StartPage::handle);
        routes.get(InspectorPage.PATH, inspector::show);
        routes.post(InspectorPage.PATH, inspector::check);
        routes.post(ValidateRoute.PATH, validate::handle);
    }
}
