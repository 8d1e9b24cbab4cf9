// The Outbox's campaign list query: a page of hundreds of campaigns, searched by name or text and
// filtered by state (with "done" derived from what is left to send), stays fast.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/open';
import { newCampaign, people } from '../testing';
import { campaignPage } from './campaignList';
import { likePattern } from './sqlLike';
import { Campaigns } from './campaigns';

let dir: string;
let db: Db;
let campaigns: Campaigns;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sms-outbox-campaign-list-'));
  db = openDatabase(dir);
  campaigns = new Campaigns(db, () => 1_000);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const q = (over: Partial<Parameters<typeof campaignPage>[1]> = {}) => ({
  search: '',
  status: 'all' as const,
  offset: 0,
  limit: 50,
  ...over,
});

describe('campaignPage', () => {
  it('leaves out a campaign still being stored in chunks (or left half-stored by a crash)', () => {
    const a = campaigns.create(newCampaign({ name: 'Whole', people: people(2) })).campaignId;
    db.prepare(
      "INSERT INTO campaigns (name, sender, message, created_at, status, stored) VALUES ('Half', 'Shop', 'Hi', 1, 'paused', 0)",
    ).run();
    for (const status of ['all', 'active', 'paused'] as const)
      expect(campaignPage(db, q({ status }))).toEqual({ total: status === 'paused' ? 0 : 1, ids: status === 'paused' ? [] : [a] });
    expect(campaignPage(db, q({ search: 'Half' }))).toEqual({ total: 0, ids: [] });
  });

  it('searches names and message texts (literal %, _), newest first, paged', () => {
    const a = campaigns.create(newCampaign({ name: 'Forårsudsalg', message: 'Alt til halv pris', people: people(2) })).campaignId;
    const b = campaigns.create(newCampaign({ name: 'Påmindelse', message: 'Husk forårsmødet', people: people(2) })).campaignId;
    const c = campaigns.create(newCampaign({ name: 'Rabat 50%', message: 'Nyhedsbrev', people: people(2) })).campaignId;
    expect(campaignPage(db, q({ search: 'forår' }))).toEqual({ total: 2, ids: [b, a] });
    expect(campaignPage(db, q({ search: '50%' })).ids).toEqual([c]);
    // Spaces typed around the words (or pasted with them) do not hide a match.
    expect(campaignPage(db, q({ search: '  forår ' }))).toEqual({ total: 2, ids: [b, a] });
    expect(campaignPage(db, q({ search: '   ' }))).toEqual({ total: 3, ids: [c, b, a] });
    expect(campaignPage(db, q({ search: '_' })).ids).toEqual([]);
    expect(campaignPage(db, q({ limit: 2 }))).toEqual({ total: 3, ids: [c, b] });
    expect(campaignPage(db, q({ limit: 2, offset: 2 }))).toEqual({ total: 3, ids: [a] });
    expect(likePattern('a%b_c\\')).toBe('%a\\%b\\_c\\\\%');
  });

  it('filters by state: active while anything is left to send, done when nothing is, paused, cancelled', async () => {
    const sending = campaigns.create(newCampaign({ name: 'sending', people: people(2) })).campaignId;
    const done = campaigns.create(newCampaign({ name: 'done', people: people(2, 4521000000) })).campaignId;
    db.prepare("UPDATE recipients SET state = 'submitted', status = 'DELIVERED' WHERE campaign_id = ?").run(done);
    const paused = campaigns.create(newCampaign({ name: 'paused', people: people(1, 4522000000) })).campaignId;
    campaigns.setStatus(paused, 'paused');
    const cancelled = campaigns.create(newCampaign({ name: 'cancelled', people: people(1, 4523000000) })).campaignId;
    await campaigns.cancel(cancelled);
    expect(campaignPage(db, q({ status: 'active' })).ids).toEqual([sending]);
    expect(campaignPage(db, q({ status: 'done' })).ids).toEqual([done]);
    expect(campaignPage(db, q({ status: 'paused' })).ids).toEqual([paused]);
    expect(campaignPage(db, q({ status: 'cancelled' })).ids).toEqual([cancelled]);
    // The derived status agrees with the summary the card shows.
    expect(campaigns.get(done, false).status).toBe('done');
    expect(campaigns.get(sending, false).status).toBe('active');
  });

  it('answers a search over 500 campaigns with 200 recipients each quickly', () => {
    for (let i = 0; i < 500; i++) {
      campaigns.create(
        newCampaign({
          name: `Kampagne ${i}`,
          message: i % 50 === 0 ? 'Særtilbud i dag' : 'Hej',
          people: people(200, 4530000000 + i * 1000),
        }),
      );
    }
    const t0 = performance.now();
    const page = campaignPage(db, q({ search: 'særtilbud', status: 'active', limit: 30 }));
    const summaries = page.ids.map((id) => campaigns.get(id, false));
    const ms = performance.now() - t0;
    expect(page.total).toBe(10);
    expect(summaries).toHaveLength(10);
    console.log(`campaign list: search + 10 summaries over 500 campaigns / 100,000 recipients in ${ms.toFixed(1)} ms`);
    expect(ms).toBeLessThan(500);
  });
});
