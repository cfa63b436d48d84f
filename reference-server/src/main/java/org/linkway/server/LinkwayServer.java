package org.linkway.server;

import io.javalin.Javalin;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.linkway.model.ProblemType;
import org.linkway.server.appointments.AppointmentRoutes;
import org.linkway.server.appointments.CalendarFeedRoutes;
import org.linkway.server.appointments.ReminderSweeper;
import org.linkway.server.caseload.CaseloadRoutes;
import org.linkway.server.consent.LedgerBackfill;
import org.linkway.server.contract.ContractRoutes;
import org.linkway.server.directory.DirectoryLink;
import org.linkway.server.directory.DirectoryRoutes;
import org.linkway.server.discharge.HospitalDischargeRoutes;
import org.linkway.server.events.EventRoutes;
import org.linkway.server.events.SubscriptionRoutes;
import org.linkway.server.events.WebhookDispatcher;
import org.linkway.server.fhir.FhirFacade;
import org.linkway.server.http.ApiHeaders;
import org.linkway.server.http.ApiProblem;
import org.linkway.server.http.Cors;
import org.linkway.server.http.Intake;
import org.linkway.server.http.Json;
import org.linkway.server.http.ProblemErrorHandler;
import org.linkway.server.http.Problems;
import org.linkway.server.http.RequestGuard;
import org.linkway.server.http.RequestIds;
import org.linkway.server.journey.CarePlanRoutes;
import org.linkway.server.journey.JourneyRecordRoutes;
import org.linkway.server.messageback.MessageBackRoutes;
import org.linkway.server.onward.OnwardInboxRoutes;
import org.linkway.server.onward.OnwardReferralRoutes;
import org.linkway.server.referral.ReferralRoutes;
import org.linkway.server.referral.ReferralService;
import org.linkway.server.reports.ReportRoutes;
import org.linkway.server.security.AuditRoutes;
import org.linkway.server.security.MessageSenders;
import org.linkway.server.security.Security;
import org.linkway.server.sheets.ImportLimits;
import org.linkway.server.sheets.ImportRoutes;
import org.linkway.server.storage.JdbcStore;
import org.linkway.server.storage.Store;
import org.linkway.server.timerules.OverdueSweeper;
import org.linkway.server.timerules.TimeRuleRoutes;
import org.linkway.server.web.WebRoutes;
import org.linkway.validation.MessageValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The reference server: wires storage, validation and the routes of each feature into one Javalin app. */
public final class LinkwayServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LinkwayServer.class);

    private final Store store;
    private final Javalin app;
    private final ReferralService referralService;
    private final WebhookDispatcher webhooks;
    private final Security security;
    private final OverdueSweeper overdue;
    private final ReminderSweeper reminders;
    private final AtomicBoolean closed = new AtomicBoolean();
    private List<String> essentials = List.of();

    // package-private for the test that holds it to building without the database
    LinkwayServer(ServerConfig config, Store store, Clock clock, MessageValidator validator, ContractRoutes contract) {
        this.store = store;
        if (config.tls().enabled()) {
            TlsConnector.check(config.tls());
        }
        this.security = Security.create(config.security(), config.signing(), config.dev(), store, clock);
        this.referralService = new ReferralService(store, validator, clock);
        FhirFacade fhir =
                new FhirFacade(referralService, validator, security::checkConvertedReferral, MessageSenders::check);
        ReferralRoutes referrals = new ReferralRoutes(referralService);
        // time rules: the bank holidays are read now, so a bad file stops the start
        this.overdue = new OverdueSweeper(
                store,
                clock,
                config.timeRules().workingDays(),
                config.timeRules().sweepEvery());
        referrals.overdue(overdue::overdueOnly);
        MessageBackRoutes messageBacks = new MessageBackRoutes(store, referralService, fhir::messageBackJson);
        EventRoutes events = new EventRoutes(store);
        SubscriptionRoutes subscriptions = new SubscriptionRoutes(store, config.dev());
        this.webhooks = new WebhookDispatcher(store, config.webhooks(), clock);
        subscriptions.receivers(webhooks::receiverState);
        webhooks.gate(security.deliveryGate());
        webhooks.signer(security.signatures()::sign);
        AuditRoutes audit = new AuditRoutes(store);
        Intake intake = new Intake(validator);
        JourneyRecordRoutes records = new JourneyRecordRoutes(store, intake);
        CarePlanRoutes carePlans = new CarePlanRoutes(store, intake);
        OnwardReferralRoutes onward =
                new OnwardReferralRoutes(store, intake, validator, referralService.messageBacks());
        DirectoryRoutes directory =
                new DirectoryRoutes(store, clock, config.directory().geocoder());
        onward.directory(new DirectoryLink(store, clock));
        security.summariseRefusalsEvery(config.edge().refusalSummaryInterval());
        this.reminders = new ReminderSweeper(store, clock, config.appointments());
        RequestGuard guard = new RequestGuard(config.edge(), security::refusedBeforeAuthentication);
        Cors cors = new Cors(config.web().corsOrigins());
        WebRoutes web = new WebRoutes(validator, config.web(), clock); // pages and open validation (docs/WEB.md)
        this.app = Javalin.create(cfg -> {
            cfg.http.maxRequestSize = config.maxBodyBytes();
            cfg.http.prefer405over404 =
                    true; // a known path with a method it lacks: 405 with Allow, so a client sees its mistake
            cfg.jetty.host = config.host();
            cfg.jetty.port = config.port();
            // slow bodies, concurrency caps and the API's headers before Javalin; Jetty's own errors as problem
            // documents
            cfg.jetty.modifyServer(server -> {
                server.insertHandler(guard);
                if (cors.enabled()) {
                    server.insertHandler(cors); // outside the guard: its 429s are readable by the app too
                }
                server.setErrorHandler(new ProblemErrorHandler());
            });
            cfg.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new ProblemErrorHandler()));
            cfg.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
            // Javalin adds its plain HTTP connector only when none is given; ours carries the idle timeout
            cfg.jetty.addConnector((server, http) -> config.tls().enabled()
                    ? TlsConnector.create(server, http, config.tls(), config.host(), config.port(), config.edge())
                    : TlsConnector.plain(server, http, config.host(), config.port(), config.edge()));
            cfg.startup.showJavalinBanner = false;
            // again at the route level: a servlet reset (an exception mid-answer) clears what the guard set
            cfg.routes.before(ctx -> ApiHeaders.apply(ctx));
            if (cors.enabled()) {
                cfg.routes.before(cors::apply);
            }
            RequestIds.register(cfg.routes);
            Problems.register(cfg.routes, Map.of(FhirFacade.BASE + "/", FhirFacade::renderProblem));
            // refuse an oversized body by its declared length, before reading a byte of it
            cfg.routes.before(ctx -> {
                // an import reads its own body within its own, larger limit (sheets.ImportLimits)
                if (ctx.req().getContentLengthLong() > config.maxBodyBytes() && !ImportRoutes.PATH.equals(ctx.path())) {
                    throw new ApiProblem(
                            ProblemType.TOO_LARGE,
                            "the request body is " + ctx.req().getContentLengthLong()
                                    + " bytes; this server accepts at most " + config.maxBodyBytes());
                }
            });
            // authentication, authorisation, consent and audit for every route, in one place
            security.register(cfg.routes);
            cfg.routes.get(
                    "/health",
                    ctx -> Json.respond(ctx, 200, "{\"status\":\"ok\",\"database\":\"" + store.dialect() + "\"}"));
            referrals.register(cfg.routes);
            messageBacks.register(cfg.routes);
            fhir.register(cfg.routes);
            events.register(cfg.routes);
            subscriptions.register(cfg.routes);
            contract.register(cfg.routes);
            records.register(cfg.routes);
            carePlans.register(cfg.routes);
            onward.register(cfg.routes);
            new OnwardInboxRoutes(store, clock).register(cfg.routes); // a provider's inbox
            audit.register(cfg.routes);
            directory.register(cfg.routes); // the service directory, in the Open Referral UK shape
            new ReportRoutes(store).register(cfg.routes); // commissioner reports (docs/OUTCOMES.md)
            new CaseloadRoutes(store, clock).register(cfg.routes); // assignment, caseload, episodes
            new TimeRuleRoutes(store).register(cfg.routes); // each link worker service's time rules
            // appointments with the link worker, their reminders and calendar feeds (issue 19)
            new AppointmentRoutes(store, clock).register(cfg.routes);
            new CalendarFeedRoutes(store, clock).register(cfg.routes);
            // a secondary-care referral's hospital stay, a Linkway extension (issue 25)
            new HospitalDischargeRoutes(store, intake).register(cfg.routes);
            // spreadsheets in (issue 25): a scheme's referrals, all or nothing (docs/SPREADSHEETS.md)
            new ImportRoutes(store, referralService, clock, ImportLimits.DEFAULTS).register(cfg.routes);
            web.register(cfg.routes);
        });
    }

    /** Opens the database (running migrations) and starts listening. */
    public static LinkwayServer start(ServerConfig config) {
        return start(config, Clock.systemUTC());
    }

    public static LinkwayServer start(ServerConfig config, Clock clock) {
        JettyHints.apply();
        // Opening the database (and, in development mode, loading the demo data) and building the
        // HTTP side share nothing until the first request, so on two cores they overlap; requests,
        // /health included, wait for the store (OpeningStore).
        CompletableFuture<MessageValidator> validating = new CompletableFuture<>();
        CompletableFuture<Store> opening = new CompletableFuture<>();
        Thread opener = new Thread(() -> open(config, clock, validating, opening), "linkway-open-store");
        opener.setDaemon(true);
        opener.start();
        MessageValidator validator;
        ContractRoutes contract;
        try {
            validator = MessageValidator.builder()
                    .clock(clock)
                    .maxBytes((int) config.maxBodyBytes())
                    .build();
            validating.complete(validator);
            contract = new ContractRoutes();
        } catch (RuntimeException | Error e) {
            validating.completeExceptionally(e);
            opening.thenAccept(Store::close);
            throw e;
        }
        OpeningStore store = new OpeningStore(opening);
        LinkwayServer server;
        try {
            server = new LinkwayServer(config, store, clock, validator, contract);
            server.app.start();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        try {
            store.opened();
        } catch (RuntimeException | Error e) {
            server.app.stop();
            throw e;
        }
        server.webhooks.start();
        server.overdue.start(); // a sweep now, then every interval
        server.reminders.start();
        if (config.dev()) {
            LOG.warn(
                    "DEVELOPMENT MODE: demo data and an ephemeral token key. Do not expose this server or use real personal data.");
        }
        server.essentials =
                StartupSummary.lines(config, server.port(), store.dialect(), server.security.announce(server.port()));
        contract.prepare(); // now that start-up is over
        LOG.info(
                "Linkway reference server listening on {}://{}:{} ({})",
                config.tls().enabled() ? "https" : "http",
                config.host(),
                server.port(),
                store.dialect());
        return server;
    }

    /** The opener thread: the database, then in development mode the demo data, before any request may use either. */
    private static void open(
            ServerConfig config,
            Clock clock,
            CompletableFuture<MessageValidator> validating,
            CompletableFuture<Store> opening) {
        Store opened = null;
        try {
            opened = JdbcStore.open(config.effectiveDatabaseUrl(), clock);
            LedgerBackfill.run(opened);
            if (config.dev()) {
                DemoData.loadIfEmpty(opened, new ReferralService(opened, validating.join(), clock));
            }
            opening.complete(opened);
        } catch (Throwable e) {
            if (opened != null) {
                opened.close();
            }
            opening.completeExceptionally(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
        }
    }

    public int port() {
        return app.port();
    }

    /**
     * What a person starting the server needs first: the URL, the data directory, the database and,
     * in development mode, a token for each role. {@link Main} prints it before any log line.
     */
    public List<String> essentials() {
        return essentials;
    }

    /** The database, for tests that look behind the API. */
    Store store() {
        return store;
    }

    /**
     * Looks for time rules fallen due now (by the server's clock) and raises each overdue once;
     * the server does this at start and every interval by itself. Returns how many this call raised.
     */
    public int sweepTimeRules() {
        return overdue.sweep();
    }

    /** Every route registered, as {@code METHOD /path/{param}}: what the access matrix test enumerates. */
    public List<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(p -> !p.endpoint.method.name().startsWith("BEFORE")
                        && !p.endpoint.method.name().startsWith("AFTER"))
                .map(p -> p.endpoint.method.name() + " " + p.endpoint.path)
                .toList();
    }

    /** Raises the appointment reminders that have fallen due now (the sweeper also runs on its own); answers how many. */
    public int sweepAppointmentReminders() {
        return reminders.sweep();
    }

    /** Stops listening, stops the webhook dispatcher, then closes the database. Safe to call twice. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        security.close(app.port());
        app.stop();
        security.flushRefusals();
        overdue.close();
        webhooks.close();
        reminders.close();
        store.close();
    }
}
