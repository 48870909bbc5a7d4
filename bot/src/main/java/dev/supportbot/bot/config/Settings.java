package dev.supportbot.bot.config;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

/** Every setting the bot reads, in one table. The configuration table of docs/configuration.md is printed from it. */
public final class Settings {
    private Settings() {}

    public static final Setting<Integer> PORT =
            Setting.of("server.port", "BOT_PORT", "8080", "HTTP port (0..65535; 0 picks a free one)", Parsers.intRange(0, 65535));
    public static final Setting<Duration> SERVER_IDLE_TIMEOUT = Setting.of("server.idle_timeout", "BOT_SERVER_IDLE_TIMEOUT",
            "30s", "longest silence on an HTTP connection (inside a request or between two) before it is closed (1s..1h)",
            Parsers.durationRange("1s", "1h"));
    public static final Setting<Duration> SERVER_HEADER_TIMEOUT = Setting.of("server.header_timeout",
            "BOT_SERVER_HEADER_TIMEOUT", "10s",
            "longest the request line and headers of a request may take to arrive; a slower connection is closed (1s..10m)",
            Parsers.durationRange("1s", "10m"));
    public static final Setting<Duration> SERVER_BODY_TIMEOUT = Setting.of("server.body_timeout",
            "BOT_SERVER_BODY_TIMEOUT", "10s",
            "longest a request body may take to arrive once the headers are in; a slower one gets 408 (1s..10m)",
            Parsers.durationRange("1s", "10m"));
    public static final Setting<Integer> SERVER_MAX_CONNECTIONS = Setting.of("server.max_connections",
            "BOT_SERVER_MAX_CONNECTIONS", "1000", "most open HTTP connections at once; more wait to be accepted",
            Parsers.intRange(16, 100_000));
    public static final Setting<Integer> SERVER_MAX_REQUESTS_PER_ROUTE = Setting.of("server.max_requests_per_route",
            "BOT_SERVER_MAX_REQUESTS_PER_ROUTE", "32",
            "most requests to one intake route (Zendesk webhook, Slack) handled at once; more wait up to 5s, then get 503",
            Parsers.intRange(1, 200));
    public static final Setting<Duration> SHUTDOWN_GRACE = Setting.of("server.shutdown_grace", "BOT_SHUTDOWN_GRACE", "20s",
            "on SIGTERM: how long the workers may finish the events in hand (intake and /healthz answer 503 meanwhile) before the bot stops anyway; keep the orchestrator's grace period above it (1s..10m)",
            Parsers.durationRange("1s", "10m"));
    public static final Setting<String> HOST = Setting.of("server.host", "BOT_HOST", "0.0.0.0",
            "address the HTTP server listens on (127.0.0.1: this machine only)", Parsers::text);
    public static final Setting<String> DB_URL = Setting.of("database.url", "BOT_DB_URL", "",
            "JDBC URL of a PostgreSQL database (`jdbc:postgresql://host:5432/name`); empty: the bot runs a PostgreSQL "
                    + "server of its own with its files in BOT_DATA_DIR", Parsers::jdbcUrl);
    public static final Setting<String> DATA_DIR = Setting.of("database.data_dir", "BOT_DATA_DIR", "./data",
            "directory of the bot's own PostgreSQL server (when BOT_DB_URL is empty): its files, password and log; "
                    + "one bot at a time", Parsers::text);
    public static final Setting<String> DB_USER = Setting.of("database.user", "BOT_DB_USER", "postgres",
            "database user (with BOT_DB_URL)", Parsers::text);
    public static final Setting<String> DB_PASSWORD = Setting.secret("BOT_DB_PASSWORD", "database password (with BOT_DB_URL)");
    public static final Setting<Integer> DB_POOL_SIZE =
            Setting.of("database.pool_size", "BOT_DB_POOL_SIZE", "10", "connection pool size", Parsers.intRange(1, 200));

    public static final Setting<String> ZENDESK_WEBHOOK_SECRET = Setting.secret("BOT_ZENDESK_WEBHOOK_SECRET",
            "signing secret of the Zendesk webhook; without it every webhook is refused (401) (sandbox Zendesk: generated when unset)");
    public static final Setting<String> ZENDESK_URL = Setting.of("zendesk.url", "BOT_ZENDESK_URL", "sandbox",
            "Zendesk base URL, e.g. https://example.zendesk.com, or `sandbox` for the built-in Zendesk stand-in",
            Parsers::httpUrlOrSandbox);
    public static final Setting<String> ZENDESK_EMAIL =
            Setting.of("zendesk.email", "BOT_ZENDESK_EMAIL", "", "Zendesk agent email for API token auth", Parsers::text);
    public static final Setting<String> ZENDESK_TOKEN = Setting.secret("BOT_ZENDESK_TOKEN", "Zendesk API token");
    public static final Setting<Integer> ZENDESK_UPDATES_PER_MINUTE = Setting.of("zendesk.updates_per_minute",
            "BOT_ZENDESK_UPDATES_PER_MINUTE", "80",
            "most ticket writes (comments, tags, status, redactions, new tickets) of all instances together in any "
                    + "minute; Zendesk allows 100",
            Parsers.intRange(10, 1000));
    public static final Setting<Integer> ZENDESK_REQUESTS_PER_MINUTE = Setting.of("zendesk.requests_per_minute",
            "BOT_ZENDESK_REQUESTS_PER_MINUTE", "160",
            "most Zendesk API requests (reads and writes) of all instances together in any minute; leave room for the "
                    + "account's other integrations (Zendesk allows 200 to 2500 by plan)",
            Parsers.intRange(10, 100_000));

    public static final Setting<String> SLACK_SIGNING_SECRET = Setting.secret("BOT_SLACK_SIGNING_SECRET",
            "Slack signing secret; without it every Slack request is refused (401) (sandbox Slack: generated when unset)");
    public static final Setting<String> SLACK_BOT_TOKEN = Setting.secret("BOT_SLACK_BOT_TOKEN", "Slack bot token (xoxb-...)");
    public static final Setting<String> SLACK_API_URL = Setting.of("slack.api_url", "BOT_SLACK_API_URL",
            "sandbox", "Slack Web API base URL (https://slack.com/api/), or `sandbox` for the built-in Slack stand-in",
            Parsers::httpUrlOrSandbox);
    public static final Setting<String> SLACK_CHANNEL =
            Setting.of("slack.channel", "BOT_SLACK_CHANNEL", "", "Slack channel id the bot reports to", Parsers::text);

    public static final Setting<String> PORTAL_URL = Setting.of("portal.url", "BOT_PORTAL_URL", "sandbox",
            "portal API base URL, or `sandbox` for the built-in sandbox portal", Parsers::httpUrlOrSandbox);
    public static final Setting<String> PORTAL_TOKEN = Setting.secret("BOT_PORTAL_TOKEN",
            "portal API bearer token; the sandbox portal requires it when set, and when unset accepts any request in "
                    + "sandbox mode but outside it only the bot's own (with a token generated at start)");
    public static final Setting<Duration> PORTAL_TIMEOUT = Setting.of("portal.timeout", "BOT_PORTAL_TIMEOUT", "10s",
            "how long one portal call attempt may take, connecting included (100ms..10m)",
            Parsers.durationRange("100ms", "10m"));
    public static final Setting<Integer> PORTAL_MAX_ATTEMPTS = Setting.of("portal.max_attempts", "BOT_PORTAL_MAX_ATTEMPTS",
            "4", "attempts of a repeatable portal call (reads, and changes with their idempotency key) before giving up",
            Parsers.intRange(1, 10));
    public static final Setting<Duration> PORTAL_RETRY_BASE = Setting.of("portal.retry_base", "BOT_PORTAL_RETRY_BASE",
            "250ms", "first wait before repeating a portal call; doubles per attempt, with jitter (1ms..1m)",
            Parsers.durationRange("1ms", "1m"));
    public static final Setting<Duration> PORTAL_RETRY_MAX = Setting.of("portal.retry_max", "BOT_PORTAL_RETRY_MAX",
            "5s", "longest backoff between portal call attempts (1ms..10m)", Parsers.durationRange("1ms", "10m"));
    public static final Setting<Duration> PORTAL_RETRY_AFTER_MAX = Setting.of("portal.retry_after_max",
            "BOT_PORTAL_RETRY_AFTER_MAX", "30s",
            "longest Retry-After the client waits out; a longer one fails the call at once (to be retried later) (0s..1h)",
            Parsers.durationRange("0s", "1h"));
    public static final Setting<Duration> PORTAL_CACHE_TTL = Setting.of("portal.cache_ttl", "BOT_PORTAL_CACHE_TTL", "30s",
            "how long portal reads are cached (0s: not at all); the client's own changes empty the cache (0s..1d)",
            Parsers.durationRange("0s", "1d"));
    public static final Setting<String> PORTAL_SANDBOX_SEED = Setting.of("portal.sandbox_seed", "BOT_PORTAL_SANDBOX_SEED",
            "", "seed file of the sandbox portal; empty: the copy of config/sandbox-seed.yaml built into the bot",
            Parsers::text);
    public static final Setting<String> TRACKER_URL = Setting.of("tracker.url", "BOT_TRACKER_URL", "",
            "GitLab base URL of the Legal & Compliance issue tracker, e.g. https://gitlab.com", Parsers::httpUrl);
    public static final Setting<String> TRACKER_TOKEN =
            Setting.secret("BOT_TRACKER_TOKEN", "GitLab access token (api scope) for opening escalation issues");
    public static final Setting<String> TRACKER_PROJECT = Setting.of("tracker.project", "BOT_TRACKER_PROJECT", "",
            "GitLab project id or path for escalations, e.g. gitlab-com/legal-and-compliance", Parsers::text);
    public static final Setting<List<String>> TRACKER_LABELS = Setting.list("tracker.labels", "BOT_TRACKER_LABELS",
            "Subscription-Ownership-Change-Escalation", "comma-separated labels of escalation issues");

    public static final Setting<List<String>> STAFF_DOMAINS = Setting.list("ownership.staff_domains", "BOT_STAFF_DOMAINS",
            "gitlab.com", "comma-separated email domains of the vendor's own staff, whose vouches are never proof");
    public static final Setting<List<String>> SLACK_AGENTS = Setting.list("slack.agents", "BOT_SLACK_AGENTS", "",
            "comma-separated Slack user ids allowed to run `/lnr` commands (none: only the Zendesk macros)");
    public static final Setting<String> SLACK_AGENT_GROUP = Setting.of("slack.agent_group", "BOT_SLACK_AGENT_GROUP", "",
            "Slack user group id (S...) whose members may also run `/lnr` commands (asked of Slack at each command)", Parsers::text);
    public static final Setting<List<String>> APPROVERS = Setting.list("approvals.approvers", "BOT_APPROVERS", "",
            "comma-separated Slack user ids allowed to approve portal changes");
    public static final Setting<String> APPROVER_GROUP = Setting.of("approvals.approver_group", "BOT_APPROVER_GROUP", "",
            "Slack user group id (S...) whose members may also approve portal changes", Parsers::text);
    public static final Setting<LocalTime> APPROVALS_DIGEST_AT = Setting.of("approvals.digest_at",
            "BOT_APPROVALS_DIGEST_AT", "09:00",
            "UTC time (HH:MM) of the daily Slack digest of plans waiting for approvers; off: no digest", Parsers::timeOfDayOrOff);

    public static final Setting<Integer> INBOX_WORKERS =
            Setting.of("inbox.workers", "BOT_INBOX_WORKERS", "4", "inbox worker threads", Parsers.intRange(1, 64));
    public static final Setting<Integer> INBOX_MAX_ATTEMPTS = Setting.of("inbox.max_attempts", "BOT_INBOX_MAX_ATTEMPTS",
            "8", "failed attempts before an event is parked as a dead letter", Parsers.intRange(1, 100));
    public static final Setting<Duration> INBOX_RETRY_BASE = Setting.of("inbox.retry_base", "BOT_INBOX_RETRY_BASE",
            "2s", "first retry delay; doubles per attempt, with jitter (1ms..1h)", Parsers.durationRange("1ms", "1h"));
    public static final Setting<Duration> INBOX_RETRY_MAX = Setting.of("inbox.retry_max", "BOT_INBOX_RETRY_MAX",
            "10m", "longest retry delay (1ms..7d)", Parsers.durationRange("1ms", "7d"));
    public static final Setting<Duration> INBOX_LEASE = Setting.of("inbox.lease", "BOT_INBOX_LEASE", "2m",
            "how long a claimed event stays with its worker before another may take it over (crash recovery) (1s..1d)",
            Parsers.durationRange("1s", "1d"));
    public static final Setting<Duration> INBOX_POLL = Setting.of("inbox.poll_interval", "BOT_INBOX_POLL_INTERVAL",
            "500ms", "how often idle workers look for due events (1ms..1m)", Parsers.durationRange("1ms", "1m"));
    public static final Setting<Duration> INBOX_RETENTION = Setting.of("inbox.retention", "BOT_INBOX_RETENTION", "14d",
            "how long processed inbox events and the comment-scan position of a ticket with no new comment are kept; "
                    + "dead letters stay until retried or purged with `inbox purge-dead` (1h..3650d)", Parsers.durationRange("1h", "3650d"));
    public static final Setting<Duration> AUDIT_RETENTION = Setting.of("audit.retention", "BOT_AUDIT_RETENTION", "",
            "how long audit log entries are kept; empty: forever (1d..36500d)", Parsers.durationRange("1d", "36500d"));
    public static final Setting<Duration> PURGE_INTERVAL = Setting.of("retention.purge_interval",
            "BOT_RETENTION_PURGE_INTERVAL", "1h", "how often each bot instance deletes what is past its retention (0s: never; else 1m..7d)",
            Parsers.durationOrZero("1m", "7d"));

    public static final Setting<Integer> SCHEDULER_THREADS = Setting.of("scheduler.threads", "BOT_SCHEDULER_THREADS",
            "2", "reminder scheduler (Quartz) worker threads", Parsers.intRange(1, 16));
    public static final Setting<Duration> SCHEDULER_CLUSTER_CHECKIN = Setting.of("scheduler.cluster_checkin",
            "BOT_SCHEDULER_CLUSTER_CHECKIN", "15s",
            "how often each bot instance tells the others it is alive; a silent one's running reminders are taken over (1s..10m)",
            Parsers.durationRange("1s", "10m"));

    /** Pairs of durations where the first must not be longer than the second. */
    static final List<List<Setting<Duration>>> ORDERED = List.of(
            List.of(PORTAL_RETRY_BASE, PORTAL_RETRY_MAX), List.of(INBOX_RETRY_BASE, INBOX_RETRY_MAX));

    public static final Setting<ActionMode> MODE = Setting.of("bot.mode", "BOT_MODE", "live",
            "`live`: the bot acts; `shadow`: it decides as in live mode but changes nothing outside itself, and writes on "
                    + "each ticket a private note of what it would have done", ActionMode::parse);

    public static final Setting<String> CONSOLE_TOKEN = Setting.secret("BOT_CONSOLE_TOKEN",
            "bearer token of the web console at / outside sandbox mode; unset: the console is off (404)");
    public static final Setting<Boolean> CONSOLE_ENABLED = Setting.of("console.enabled", "BOT_CONSOLE_ENABLED", "true",
            "whether the web console at / exists; false: off on purpose (404), and then production needs no BOT_CONSOLE_TOKEN",
            Parsers::bool);
    public static final Setting<Boolean> ALLOW_SANDBOX_MIX = Setting.of("mode.allow_sandbox_mix", "BOT_ALLOW_SANDBOX_MIX",
            "false", "true: start with some back ends real and others the sandbox (trials, demos); otherwise Zendesk, "
                    + "Slack and the portal must be all `sandbox` or all real", Parsers::bool);
    public static final Setting<String> METRICS_TOKEN = Setting.secret("BOT_METRICS_TOKEN",
            "bearer token /metrics requires when set; unset: /metrics answers anyone who reaches its port");
    public static final Setting<Integer> METRICS_PORT = Setting.of("metrics.port", "BOT_METRICS_PORT", "",
            "serve /metrics on this port only (e.g. one not exposed outside the cluster); empty: on BOT_PORT (1..65535)",
            Parsers.intRange(1, 65535));
    public static final Setting<String> ZENDESK_WEBHOOK_SECRET_PREVIOUS = Setting.secret("BOT_ZENDESK_WEBHOOK_SECRET_PREVIOUS",
            "the Zendesk webhook's previous signing secret, also accepted while a rotation is under way");
    public static final Setting<String> SLACK_SIGNING_SECRET_PREVIOUS = Setting.secret("BOT_SLACK_SIGNING_SECRET_PREVIOUS",
            "the Slack app's previous signing secret, also accepted while a rotation is under way");
    public static final Setting<String> SLACK_TEAM_ID = Setting.of("slack.team_id", "BOT_SLACK_TEAM_ID", "",
            "id (T...) of the bot's own Slack workspace; requests from any other are refused; empty: asked of Slack "
                    + "(auth.test) at start", Parsers::text);
    public static final Setting<String> SLACK_APP_ID = Setting.of("slack.app_id", "BOT_SLACK_APP_ID", "",
            "id (A...) of the bot's Slack app; when set, Slack requests for any other app are refused", Parsers::text);

    /** The bot's own settings, then the registered workflows' ({@link WorkflowConfig}). */
    public static final List<Setting<?>> ALL = WorkflowConfig.joined(List.of(
            PORT, HOST, SERVER_IDLE_TIMEOUT, SERVER_HEADER_TIMEOUT, SERVER_BODY_TIMEOUT, SERVER_MAX_CONNECTIONS, SERVER_MAX_REQUESTS_PER_ROUTE,
            SHUTDOWN_GRACE,
            DB_URL, DATA_DIR, DB_USER, DB_PASSWORD, DB_POOL_SIZE,
            ZENDESK_WEBHOOK_SECRET, ZENDESK_URL, ZENDESK_EMAIL, ZENDESK_TOKEN, ZENDESK_UPDATES_PER_MINUTE, ZENDESK_REQUESTS_PER_MINUTE,
            SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN, SLACK_API_URL, SLACK_CHANNEL,
            PORTAL_URL, PORTAL_TOKEN, PORTAL_TIMEOUT, PORTAL_MAX_ATTEMPTS, PORTAL_RETRY_BASE, PORTAL_RETRY_MAX,
            PORTAL_RETRY_AFTER_MAX, PORTAL_CACHE_TTL, PORTAL_SANDBOX_SEED,
            TRACKER_URL, TRACKER_TOKEN, TRACKER_PROJECT, TRACKER_LABELS,
            STAFF_DOMAINS, SLACK_AGENTS, SLACK_AGENT_GROUP, APPROVERS, APPROVER_GROUP, APPROVALS_DIGEST_AT,
            INBOX_WORKERS, INBOX_MAX_ATTEMPTS, INBOX_RETRY_BASE, INBOX_RETRY_MAX, INBOX_LEASE, INBOX_POLL,
            INBOX_RETENTION, AUDIT_RETENTION, PURGE_INTERVAL,
            SCHEDULER_THREADS, SCHEDULER_CLUSTER_CHECKIN, CONSOLE_TOKEN,
            CONSOLE_ENABLED, ALLOW_SANDBOX_MIX, METRICS_TOKEN, METRICS_PORT, ZENDESK_WEBHOOK_SECRET_PREVIOUS,
            SLACK_SIGNING_SECRET_PREVIOUS, SLACK_TEAM_ID, SLACK_APP_ID, MODE));
}
