// Schema migrations, applied in order by PRAGMA user_version. Never edit a released step: append.
export const MIGRATIONS: string[] = [
  // 1: the outbox
  `
  CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

  CREATE TABLE campaigns (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'campaign' CHECK (kind IN ('campaign', 'test')),
    sender TEXT NOT NULL,
    message TEXT NOT NULL,               -- rewritten with canonical %tags%
    tags TEXT NOT NULL DEFAULT '[]',     -- JSON array of the tags used, in tagvalues order
    created_at INTEGER NOT NULL,
    send_at INTEGER,                     -- unix seconds, gateway-side sendtime
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'cancelled')),
    file_name TEXT,
    file_hash TEXT,
    estimate_cost REAL,
    currency TEXT
  );
  CREATE INDEX campaigns_file_hash ON campaigns(file_hash);

  CREATE TABLE batches (
    id INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
    encoding TEXT NOT NULL,
    state TEXT NOT NULL,
    size INTEGER NOT NULL,
    lease_epoch INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    first_attempt_at INTEGER,
    next_attempt_at INTEGER,
    tries INTEGER NOT NULL DEFAULT 0,
    gateway_id INTEGER,
    submitted_at INTEGER,
    cost REAL,
    currency TEXT,
    poll_next_at INTEGER,
    poll_step INTEGER NOT NULL DEFAULT 0,
    error_code TEXT,
    error TEXT
  );
  CREATE INDEX batches_state ON batches(state, next_attempt_at);
  CREATE INDEX batches_poll ON batches(poll_next_at) WHERE poll_next_at IS NOT NULL;
  CREATE INDEX batches_campaign ON batches(campaign_id);

  CREATE TABLE recipients (
    id INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
    row_no INTEGER NOT NULL,
    msisdn TEXT NOT NULL,
    country TEXT,
    name TEXT,
    tagvalues TEXT,                      -- JSON array aligned with campaigns.tags
    encoding TEXT NOT NULL,
    parts INTEGER NOT NULL,
    state TEXT NOT NULL,
    batch_id INTEGER REFERENCES batches(id),
    status TEXT,
    status_at INTEGER,
    error_code TEXT,
    error TEXT,
    updated_at INTEGER NOT NULL,
    UNIQUE (campaign_id, msisdn)
  );
  CREATE INDEX recipients_queue ON recipients(state, campaign_id, encoding, id);
  CREATE INDEX recipients_batch ON recipients(batch_id, msisdn);

  CREATE TABLE attempts (
    id INTEGER PRIMARY KEY,
    batch_id INTEGER NOT NULL REFERENCES batches(id),
    started_at INTEGER NOT NULL,
    finished_at INTEGER,
    http_status INTEGER,
    outcome TEXT NOT NULL,               -- in_flight, submitted, transient, ambiguous, ...
    code TEXT,
    message TEXT,
    body TEXT,                           -- response body of any non-2xx answer (never the token)
    recipients INTEGER NOT NULL
  );
  CREATE INDEX attempts_batch ON attempts(batch_id);

  CREATE TABLE status_events (
    id INTEGER PRIMARY KEY,
    recipient_id INTEGER NOT NULL REFERENCES recipients(id),
    status TEXT NOT NULL,
    code TEXT,
    error TEXT,
    at INTEGER,
    received_at INTEGER NOT NULL
  );

  CREATE TABLE lease (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    holder TEXT,
    pid INTEGER,
    host TEXT,
    epoch INTEGER NOT NULL DEFAULT 0,
    heartbeat_at INTEGER
  );
  INSERT INTO lease (id, epoch) VALUES (1, 0);

  CREATE TABLE suppression (
    msisdn TEXT PRIMARY KEY,
    reason TEXT,
    added_at INTEGER NOT NULL
  );

  CREATE TABLE account (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    credit REAL,
    currency TEXT,
    checked_at INTEGER,
    low_alarm INTEGER NOT NULL DEFAULT 0,
    error TEXT
  );
  INSERT INTO account (id) VALUES (1);

  CREATE TABLE prices (
    country TEXT NOT NULL,
    currency TEXT NOT NULL,
    price REAL NOT NULL,
    PRIMARY KEY (country, currency)
  );
  `,
  // 2: with quiet hours on, a batch holds one country; a partial index over queued rows only finds
  // each country's next recipient with a seek and costs nothing once a recipient has left the queue.
  `
  CREATE INDEX recipients_queued_country ON recipients(country, campaign_id, encoding, id) WHERE state = 'queued';
  `,
  // 3 (ui): saved message texts the user reuses; names are unique regardless of case.
  `
  CREATE TABLE templates (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    text TEXT NOT NULL,
    updated_at INTEGER NOT NULL
  );
  `,
  // 4: the lease holder's process start time, so a live pid keeps its lease whatever its heartbeat
  // (asleep, stalled), while a pid reused by another program does not.
  `
  ALTER TABLE lease ADD COLUMN pid_started TEXT;
  `,
  // 5 (guard): a campaign is stored in chunks (the main process must not stall for a 100k-row
  // transaction); it stays hidden and unsendable until its last chunk is in (stored = 1). A covering
  // index answers the per-campaign state and status counts every window refresh asks for without
  // reading the table.
  `
  ALTER TABLE campaigns ADD COLUMN stored INTEGER NOT NULL DEFAULT 1;
  CREATE INDEX recipients_campaign_counts ON recipients(campaign_id, state, status);
  `,
  // 6 (load): a read model of the counts every view shows. One row per campaign × state × delivery
  // status ('' for none yet) with its number of recipients, kept exact by triggers: the window's
  // refresh read a GROUP BY over every recipient (60 ms at 200k) on the thread that answers it, and
  // the ~20 UPDATEs that move recipients cannot each be trusted to keep a counter right by hand.
  // Zero rows are kept (cheaper than deleting and re-inserting as recipients move on).
  // bulk_actions: a user's decision on many recipients (cancel, resend, mark as sent) is applied in
  // short transactions; the row says what is left to do, so a crash between two of them is
  // completed by the next start instead of leaving half a decision.
  `
  CREATE TABLE recipient_counts (
    campaign_id INTEGER NOT NULL,
    state TEXT NOT NULL,
    status TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (campaign_id, state, status)
  ) WITHOUT ROWID;
  INSERT INTO recipient_counts (campaign_id, state, status, n)
    SELECT campaign_id, state, COALESCE(status, ''), COUNT(*) FROM recipients GROUP BY campaign_id, state, COALESCE(status, '');

  CREATE TRIGGER recipient_counts_insert AFTER INSERT ON recipients BEGIN
    INSERT INTO recipient_counts (campaign_id, state, status, n) VALUES (NEW.campaign_id, NEW.state, COALESCE(NEW.status, ''), 1)
      ON CONFLICT (campaign_id, state, status) DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER recipient_counts_delete AFTER DELETE ON recipients BEGIN
    UPDATE recipient_counts SET n = n - 1
      WHERE campaign_id = OLD.campaign_id AND state = OLD.state AND status = COALESCE(OLD.status, '');
  END;
  CREATE TRIGGER recipient_counts_update AFTER UPDATE OF campaign_id, state, status ON recipients
  WHEN OLD.campaign_id IS NOT NEW.campaign_id OR OLD.state IS NOT NEW.state OR OLD.status IS NOT NEW.status BEGIN
    UPDATE recipient_counts SET n = n - 1
      WHERE campaign_id = OLD.campaign_id AND state = OLD.state AND status = COALESCE(OLD.status, '');
    INSERT INTO recipient_counts (campaign_id, state, status, n) VALUES (NEW.campaign_id, NEW.state, COALESCE(NEW.status, ''), 1)
      ON CONFLICT (campaign_id, state, status) DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER recipient_counts_campaign_delete AFTER DELETE ON campaigns BEGIN
    DELETE FROM recipient_counts WHERE campaign_id = OLD.id;
  END;

  CREATE TABLE bulk_actions (
    id INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL,
    action TEXT NOT NULL,                -- cancel, resend_failed, resend_uncertain, mark_sent
    ids TEXT,                            -- JSON array of the recipient ids decided on; NULL: all that match
    done INTEGER NOT NULL DEFAULT 0,     -- how many of ids are applied
    holder TEXT NOT NULL,                -- the engine applying it, and its process (see lease.ts)
    pid INTEGER NOT NULL,
    host TEXT NOT NULL,
    pid_started TEXT,
    created_at INTEGER NOT NULL
  );
  `,
  // The server's message once per batch, bounded (issue 16): recipients of a batch-wide outcome stop
  // carrying their own copy (read through the batch, see campaigns.ts), and no batch keeps more than
  // 1,000 characters of it.
  `
  UPDATE recipients SET error = NULL
   WHERE error IS NOT NULL AND batch_id IS NOT NULL AND state IN ('failed', 'uncertain', 'retry_wait')
     AND error = (SELECT b.error FROM batches b WHERE b.id = recipients.batch_id);
  UPDATE batches SET error = substr(error, 1, 999) || '…' WHERE length(error) > 1000;
  `,
  // 8 (sendspeed): two indexes fewer to keep on every recipient write. recipients_campaign_counts
  // (step 5) answered the per-campaign counts, which recipient_counts (step 6) answers now; every
  // query that used it is served as well by recipients_queue (state, campaign_id …) or the
  // (campaign_id, msisdn) key (EXPLAIN QUERY PLAN, README "The outbox under load"). It cost one index
  // entry moved per state change: a recipient has three on its way out. recipients_batch becomes
  // partial: a queued recipient (no batch yet) needs no (NULL, msisdn) entry, which every store
  // wrote and every claim moved; every query through it asks for a batch_id = ?.
  `
  DROP INDEX recipients_campaign_counts;
  DROP INDEX recipients_batch;
  CREATE INDEX recipients_batch ON recipients(batch_id, msisdn) WHERE batch_id IS NOT NULL;
  `,
];
