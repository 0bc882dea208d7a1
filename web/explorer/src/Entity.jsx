// The entity view, /explore?node=<id>: a node's name, kind and aliases; its
// roles with their dates; its meetings, hosts and participants both, each with
// its part; its commitments made and received; the figures it stated. Every item
// has its evidence one click away. Beside it, the neighbourhood on the canvas and
// the timeline of what the canvas shows.
import { useEffect, useMemo, useState } from 'react';

import { capabilities, commitmentsBy, entity, evidenceOf, induced, neighbourhood, relationName, GRAPHQL_NEIGHBOURHOOD_LIMIT, LARGE_NEIGHBOURHOOD_LIMIT } from './api.js';
import { ErrorNote, KindBadge, Link, NodeLink, entityState, useAsync, useNav } from './common.jsx';
import { EvidenceButton, EvidencePanel } from './Evidence.jsx';
import { GraphPanel } from './GraphPanel.jsx';
import { visibleGraph } from './graph.js';
import { Timeline } from './Timeline.jsx';
import { dateText, plural } from './text.js';

/** Refs lists node references as links, joined with commas. */
function Refs({ nodes, none = '—' }) {
  if (!nodes?.length) return <>{none}</>;
  return nodes.map((n, i) => (
    <span key={n.id}>
      {i > 0 ? ', ' : ''}
      <NodeLink node={n} />
    </span>
  ));
}

/** claimOf makes an evidence-panel claim. */
function claimOf(id, title, evidence, link = null) {
  return { id, title, evidence: evidence.map(evidenceOf), hasBasis: !!link, basis: link?.basis ?? null, note: link?.note ?? null };
}

/** Section is a titled part of the entity view, left out when empty. */
function Section({ title, count, children, id }) {
  if (!count) return null;
  return (
    <section className="entity-section" aria-labelledby={`${id}-title`} data-section={id}>
      <h2 id={`${id}-title`}>
        {title} <span className="count">({count})</span>
      </h2>
      {children}
    </section>
  );
}

/** partsOf says what part an actor took in a meeting, with the claim of each. */
function partsOf(meeting, actorId) {
  const parts = [];
  if (meeting.organizers.some((o) => o.id === actorId)) {
    parts.push({ words: 'host or organizer', claim: claimOf(`${actorId}|ORGANIZED|${meeting.id}`, `Hosted or organized: ${meeting.title}`, meeting.evidence) });
  }
  for (const p of meeting.participants.filter((x) => x.actor.id === actorId)) {
    parts.push({
      words: p.capacity ? `participant, as ${p.capacity}` : 'participant',
      claim: claimOf(`${actorId}|PARTICIPATED_IN|${meeting.id}`, `Took part in ${meeting.title}`, p.evidence),
    });
  }
  if (meeting.body?.id === actorId) {
    parts.push({ words: 'its own meeting (the body that meets)', claim: claimOf(`${meeting.id}|MEETING_OF|${actorId}`, `${meeting.title}: a meeting of it`, meeting.evidence) });
  }
  return parts;
}

/** CommitmentList lists commitments, each with its parties and evidence. */
function CommitmentList({ items, open, show = 'both' }) {
  return (
    <ul className="items commitments">
      {items.map((c) => (
        <li key={c.id} data-id={c.id}>
          <p className="statement">
            <NodeLink node={{ id: c.id, kind: 'COMMITMENT', label: c.statement }} />
          </p>
          <p className="meta">
            {c.kind?.toLowerCase()}
            {show !== 'to' && (
              <>
                {' · by '}
                <Refs nodes={c.madeBy} />
              </>
            )}
            {show !== 'by' && (
              <>
                {' · to '}
                <Refs nodes={c.madeTo} none="no one named" />
              </>
            )}
            {c.madeAt ? (
              <>
                {' · at '}
                <NodeLink node={{ id: c.madeAt.id, kind: 'MEETING', label: c.madeAt.label }} />
              </>
            ) : null}
            {c.date ? ` · ${dateText(c.date)}` : ''}
            {c.matchedThrough?.length ? ` · matched through ${c.matchedThrough.join(' → ')}${c.matchCertain ? '' : ' (role dates unchecked)'}` : ''}
          </p>
          <EvidenceButton count={c.evidence.length} onClick={() => open(claimOf(c.id, c.statement, c.evidence))} label={`Evidence for “${c.statement}”`} />
        </li>
      ))}
    </ul>
  );
}

/**
 * MadeBy lists the commitments an actor made, with a choice of addressee. The
 * list comes from the commitments connection (filter madeBy, madeTo), so that
 * it says what the API answers; with a server that has madeByScope, the actor's
 * whole side can be included.
 */
function MadeBy({ node, open }) {
  const addressees = useMemo(() => {
    const m = new Map();
    for (const c of node.commitmentsMade) for (const a of c.madeTo) m.set(a.id, a);
    return [...m.values()].sort((a, b) => a.label.localeCompare(b.label));
  }, [node]);
  const [to, setTo] = useState('');
  const [affiliated, setAffiliated] = useState(false);
  const caps = useAsync(() => capabilities(), []);
  const list = useAsync((signal) => commitmentsBy(node.id, { madeTo: to || null, affiliated, signal }), [node.id, to, affiliated]);
  const scopeOK = caps.data?.madeByScope;
  return (
    <section className="entity-section" aria-labelledby="made-title" data-section="made">
      <h2 id="made-title">
        Commitments made <span className="count">({list.data ? list.data.totalCount : node.commitmentsMade.length})</span>
      </h2>
      <div className="section-controls">
        <label>
          Made to{' '}
          <select value={to} onChange={(e) => setTo(e.target.value)} name="madeTo">
            <option value="">anyone</option>
            {addressees.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
        </label>
        {node.nodeKind !== 'PERSON' && (
          <label className={scopeOK ? undefined : 'disabled'}>
            <input type="checkbox" checked={affiliated && scopeOK} disabled={!scopeOK} onChange={(e) => setAffiliated(e.target.checked)} name="affiliated" />
            include its side (its bodies and the people holding roles there)
          </label>
        )}
      </div>
      <p className="scope-note" data-scope={list.data?.scope ?? ''}>
        {list.data?.scope === 'AFFILIATED'
          ? `${node.label}’s side: its own commitments and those of its bodies and officials, each with the chain it matched through.`
          : `Only the commitments ${node.label} itself is named as making${scopeOK || node.nodeKind === 'PERSON' ? '' : '; this server cannot yet follow its ministries, bodies and officials (their commitments are on their own pages)'}.`}
      </p>
      <ErrorNote error={list.error} what="the commitments" />
      {list.data && (list.data.items.length ? <CommitmentList items={list.data.items} open={open} show="to" /> : <p>None.</p>)}
    </section>
  );
}

/** Details is the entity view's text: everything about the node, by kind. */
function Details({ node, open }) {
  const kind = node.nodeKind;
  return (
    <article className="entity" data-id={node.id} data-kind={kind}>
      <header className="entity-head">
        <KindBadge kind={kind} />
        <h1>{node.name ?? node.title ?? node.label}</h1>
        <p className="entity-id">{node.id}</p>
        {node.aliases?.length ? <p className="aliases">Also written: {node.aliases.join('; ')}</p> : null}
        {node.acronym ? <p>Acronym: {node.acronym}</p> : null}
        {node.note ? <p className="note">Curator’s note: {node.note}</p> : null}
        {node.evidence?.length ? (
          <p>
            Evidence for this record: <EvidenceButton count={node.evidence.length} onClick={() => open(claimOf(node.id, node.label, node.evidence))} label={`Evidence for ${node.label}`} />
          </p>
        ) : null}
        <p>
          <Link to={{ view: 'paths', from: node.id, to: null, hops: 4, viaHubs: false, path: 1, kinds: [], rels: [], hubs: 'faded' }} className="button">
            How is {node.label} connected to…?
          </Link>
        </p>
      </header>
      <Facts node={node} />
      <Section title="Roles" count={node.roles?.length} id="roles">
        <ul className="items">
          {node.roles?.map((r) => (
            <li key={r.id} data-id={r.id}>
              {r.title} at <NodeLink node={r.organization} /> <span className="meta">· from {dateText(r.from)} · to {dateText(r.to)}</span>{' '}
              <EvidenceButton count={r.evidence.length} onClick={() => open(claimOf(r.id, `${r.title} at ${r.organization.label}`, r.evidence))} label={`Evidence for ${r.title}`} />
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Members (roles held here)" count={node.members?.length} id="members">
        <ul className="items">
          {node.members?.map((r) => (
            <li key={r.id} data-id={r.id}>
              <NodeLink node={r.person} />, {r.title} <span className="meta">· from {dateText(r.from)} · to {dateText(r.to)}</span>{' '}
              <EvidenceButton count={r.evidence.length} onClick={() => open(claimOf(r.id, `${r.person.label}, ${r.title}`, r.evidence))} label={`Evidence for ${r.person.label}`} />
            </li>
          ))}
        </ul>
      </Section>
      {kind === 'MEETING' && <MeetingParts node={node} open={open} />}
      <Section title="Meetings" count={node.meetings?.length} id="meetings">
        <ul className="items">
          {node.meetings?.map((m) => (
            <li key={m.id} data-id={m.id}>
              <NodeLink node={{ id: m.id, kind: 'MEETING', label: m.title }} /> <span className="meta">· {dateText(m.date)}</span>
              <ul className="parts">
                {partsOf(m, node.id).map((p) => (
                  <li key={p.claim.id} data-part={p.words}>
                    {p.words} <EvidenceButton count={p.claim.evidence.length} onClick={() => open(p.claim)} label={`Evidence: ${p.words}`} />
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </Section>
      {node.commitmentsMade && <MadeBy node={node} open={open} />}
      <Section title="Commitments received" count={node.commitmentsReceived?.length} id="received">
        <CommitmentList items={node.commitmentsReceived ?? []} open={open} show="by" />
      </Section>
      <Section title={kind === 'MEETING' ? 'Commitments made at this meeting' : 'Commitments about this'} count={node.commitments?.length} id="commitments">
        <CommitmentList items={node.commitments ?? []} open={open} />
      </Section>
      <Section title="Figures stated" count={node.figures?.length} id="figures">
        <FigureList figures={node.figures ?? []} open={open} />
      </Section>
    </article>
  );
}

/** MeetingParts lists a meeting's hosts and participants, each with its part. */
function MeetingParts({ node, open }) {
  return (
    <>
      <Section title="Hosts and organizers" count={node.organizers.length} id="organizers">
        <ul className="items people">
          {node.organizers.map((o) => (
            <li key={o.id} data-id={o.id}>
              <NodeLink node={o} /> <span className="meta">· host or organizer</span>{' '}
              <EvidenceButton count={node.evidence.length} onClick={() => open(claimOf(`${o.id}|ORGANIZED|${node.id}`, `${o.label} hosted or organized ${node.title}`, node.evidence))} label={`Evidence that ${o.label} hosted`} />
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Participants" count={node.participants.length} id="participants">
        <ul className="items people">
          {node.participants.map((p) => (
            <li key={p.actor.id} data-id={p.actor.id}>
              <NodeLink node={p.actor} /> <span className="meta">· {p.capacity ? `as ${p.capacity}` : 'participant'}</span>{' '}
              <EvidenceButton count={p.evidence.length} onClick={() => open(claimOf(`${p.actor.id}|PARTICIPATED_IN|${node.id}`, `${p.actor.label} took part in ${node.title}`, p.evidence))} label={`Evidence that ${p.actor.label} took part`} />
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Documents signed" count={node.documentsSigned.length} id="documents">
        <ul className="items">
          {node.documentsSigned.map((d, i) => (
            <li key={i}>
              {d.count != null ? `${d.count} ` : ''}
              {d.description} <EvidenceButton count={d.evidence.length} onClick={() => open(claimOf(`${node.id}#documents-${i}`, d.description, d.evidence))} label="Evidence of the signing" />
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}

/** FigureList lists figures with their values and evidence. */
function FigureList({ figures, open }) {
  return (
    <ul className="items">
      {figures.map((f) => (
        <li key={f.id} data-id={f.id}>
          <NodeLink node={{ id: f.id, kind: 'FIGURE', label: f.metric }} />: {f.approximate ? 'about ' : ''}
          {f.value.toLocaleString('en')}
          {f.maxValue != null ? ` to ${f.maxValue.toLocaleString('en')}` : ''} {f.unit ?? ''} <span className="meta">· as of {dateText(f.asOf)}</span>{' '}
          <EvidenceButton count={f.evidence.length} onClick={() => open(claimOf(f.id, f.metric, f.evidence))} label={`Evidence for ${f.metric}`} />
        </li>
      ))}
    </ul>
  );
}

/** Facts lists a node's own facts, by kind, as a description list. */
function Facts({ node }) {
  const rows = [];
  const add = (term, value) => value != null && value !== '' && rows.push([term, value]);
  add('Nationality', node.nationality && <NodeLink node={node.nationality} />);
  add('Type', node.type?.toLowerCase());
  add('Country', node.country && <NodeLink node={node.country} />);
  add('Part of', node.parent && <NodeLink node={node.parent} />);
  if (node.children?.length) add('Bodies under it', <Refs nodes={node.children} />);
  add('ISO code', node.iso);
  if (node.nodeKind === 'MEETING') {
    add('Date', dateText(node.date));
    add('Place', node.location);
    add('Format', node.format === 'VIDEO_LINK' ? 'by video link' : node.format === 'IN_PERSON' ? 'in person' : 'not said');
    add('Series', node.series ? `${node.series}${node.sequence ? `, number ${node.sequence}` : ''}` : null);
    add('Body', node.body && <NodeLink node={node.body} />);
    add('Previous', node.previous && <NodeLink node={node.previous} />);
    add('Next', node.next && <NodeLink node={node.next} />);
  }
  if (node.nodeKind === 'COMMITMENT') {
    add('Statement', node.statement);
    add('Kind', node.kind?.toLowerCase());
    add('Status', node.status?.toLowerCase().replaceAll('_', ' '));
    add('Made by', <Refs nodes={node.madeBy} />);
    add('Made to', <Refs nodes={node.madeTo} none="no one named" />);
    add('Made at', node.madeAt && <NodeLink node={{ id: node.madeAt.id, kind: 'MEETING', label: node.madeAt.label }} />);
    add('Date', dateText(node.date));
    if (node.concerns?.length) add('Concerns', <Refs nodes={node.concerns} />);
    add('Amount', node.amount && `${node.amount.approximate ? 'about ' : ''}${node.amount.currency} ${node.amount.value.toLocaleString('en')}${node.amount.maxValue != null ? ` to ${node.amount.maxValue.toLocaleString('en')}` : ''}`);
  }
  if (node.nodeKind === 'ROLE') {
    add('Person', node.person && <NodeLink node={node.person} />);
    add('Organization', node.organization && <NodeLink node={node.organization} />);
    add('Title', node.title);
    add('From', dateText(node.from));
    add('To', dateText(node.to));
  }
  add('Description', node.description);
  add('Place', node.nodeKind !== 'MEETING' ? node.location : null);
  add('Status', node.projectStatus?.toLowerCase().replaceAll('_', ' '));
  add('Number', node.number);
  add('Programme', node.programme && <NodeLink node={node.programme} />);
  add('Part of', node.partOf && <NodeLink node={node.partOf} />);
  if (node.pillars?.length) add('Pillars', <Refs nodes={node.pillars} />);
  if (node.programmes?.length) add('Programmes', <Refs nodes={node.programmes} />);
  if (node.projects?.length) add('Projects', <Refs nodes={node.projects} />);
  if (node.partners?.length) add('Partners', <Refs nodes={node.partners} />);
  if (node.nodeKind === 'FIGURE') {
    add('Metric', node.metric);
    add('Value', `${node.approximate ? 'about ' : ''}${node.value.toLocaleString('en')}${node.maxValue != null ? ` to ${node.maxValue.toLocaleString('en')}` : ''} ${node.unit ?? ''}`);
    add('As of', dateText(node.asOf));
    add('About', node.subject && <NodeLink node={node.subject} />);
    if (node.saidBy) add('Stated by', <Refs nodes={node.saidBy} none="the article, in its own voice" />);
  }
  if (node.nodeKind === 'SOURCE') {
    add('Title', node.title);
    add('Publisher', node.publisher ?? 'not named in the text');
    add('Published', dateText(node.published));
    add('Read it', <NodeLink node={{ id: node.id, kind: 'SOURCE', label: 'the quoted passages, in the article’s order' }} />);
  }
  if (!rows.length) return null;
  return (
    <dl className="facts">
      {rows.map(([t, v]) => (
        <div key={t}>
          <dt>{t}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** useNeighbourhoods fetches the neighbourhood of each centre, keeping those fetched. */
function useNeighbourhoods(centres, large) {
  const [hoods, setHoods] = useState(() => new Map());
  const [errors, setErrors] = useState([]);
  const limit = large ? LARGE_NEIGHBOURHOOD_LIMIT : GRAPHQL_NEIGHBOURHOOD_LIMIT;
  const key = `${limit}`;
  useEffect(() => {
    const ctl = new AbortController();
    for (const id of centres) {
      if (hoods.has(`${key}|${id}`)) continue;
      neighbourhood(id, { limit, signal: ctl.signal }).then(
        (h) => setHoods((m) => new Map(m).set(`${key}|${id}`, h)),
        (e) => e.name !== 'AbortError' && setErrors((es) => [...es, { id, error: e }]),
      );
    }
    return () => ctl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [centres.join(','), key]);
  const byCentre = new Map();
  for (const id of centres) if (hoods.has(`${key}|${id}`)) byCentre.set(id, hoods.get(`${key}|${id}`));
  return { hoods: byCentre, errors, loaded: centres.every((id) => byCentre.has(id)) };
}

/** EntityPage is the whole entity view. */
export function EntityPage({ state }) {
  const { navigate } = useNav();
  const node = useAsync((signal) => entity(state.node, { signal }), [state.node]);
  const centres = [state.node, ...state.expand];
  const { hoods, errors, loaded } = useNeighbourhoods(centres, state.large);
  const [panel, setPanel] = useState(null);

  // The canvas draws every edge among what it shows: when it shows more than one
  // neighbourhood, the edges between them come from the export's ids= filter.
  const base = useMemo(
    () => visibleGraph({ centres, hoods, kinds: state.kinds, rels: state.rels, hubs: state.hubs }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [hoods, centres.join(','), state.kinds.join(','), state.rels.join(','), state.hubs],
  );
  const idsKey = base.nodes.map((n) => n.id).join(',');
  const extra = useAsync(
    (signal) =>
      centres.length > 1 && loaded
        ? induced(base.nodes.map((n) => n.id), [...new Set(base.nodes.map((n) => n.kind))], state.rels, { signal })
        : Promise.resolve([]),
    [idsKey, state.rels.join(','), loaded],
  );
  const graph = useMemo(
    () => (extra.data?.length ? visibleGraph({ centres, hoods, kinds: state.kinds, rels: state.rels, hubs: state.hubs, extraEdges: extra.data }) : base),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [base, extra.data],
  );

  useEffect(() => {
    if (node.data) {
      document.title = `${node.data.label} — Corridor explorer`;
      // The entity's text is in the page (this effect runs after the commit).
      performance.clearMarks('entity-ready');
      performance.mark('entity-ready');
      document.body.dataset.entityReady = node.data.id;
    }
  }, [node.data]);

  // The selected link (sel=<edge id>) opens its evidence, also after a reload.
  useEffect(() => {
    if (!state.sel) return;
    const e = graph.edges.find((x) => x.id === state.sel);
    if (e) setPanel(edgeClaim(e, graph));
  }, [state.sel, graph]);

  const update = (change, opts) => navigate({ ...state, ...change }, opts);
  const toggle = (id) => {
    if (id === state.node) return;
    const expand = state.expand.includes(id) ? state.expand.filter((x) => x !== id) : [...state.expand, id];
    update({ expand });
  };
  const openEdge = (id) => {
    const e = graph.edges.find((x) => x.id === id);
    if (e) {
      setPanel(edgeClaim(e, graph));
      update({ sel: id }, { replace: true });
    }
  };
  const closePanel = () => {
    setPanel(null);
    if (state.sel) update({ sel: null }, { replace: true });
  };

  const truncated = graph.truncated && !state.large;
  return (
    <div className="entity-page">
      <div className="entity-column">
        {node.loading && !node.data ? <p>Loading {state.node}…</p> : null}
        <ErrorNote error={node.error} what={state.node} />
        {!node.loading && !node.error && !node.data ? (
          <p role="alert">
            No node has the ID <code>{state.node}</code>. Try the search box above.
          </p>
        ) : null}
        {node.data && <Details node={node.data} open={setPanel} />}
      </div>
      <div className="graph-column">
        {errors.map((e) => (
          <ErrorNote key={e.id} error={e.error} what={`the neighbourhood of ${e.id}`} />
        ))}
        <GraphPanel
          graph={graph}
          present={{ kinds: base.kindsPresent, rels: base.relsPresent }}
          filters={{ kinds: state.kinds, rels: state.rels, hubs: state.hubs }}
          onFilters={(f) => update(f)}
          onNode={toggle}
          onEdge={openEdge}
          expanded={state.expand}
          large={state.large}
          ready={!node.loading}
          title={node.data?.label ?? state.node}
          selected={state.sel}
          status={
            <p className="graph-status" role="status">
              {loaded ? `${plural(graph.nodes.length, 'node')}, ${plural(graph.edges.length, 'link')}` : 'Loading the neighbourhood…'}
              {truncated ? (
                <>
                  {' '}
                  (more than {GRAPHQL_NEIGHBOURHOOD_LIMIT} neighbours:{' '}
                  <button type="button" className="link-button" onClick={() => update({ large: true })}>
                    show up to {LARGE_NEIGHBOURHOOD_LIMIT.toLocaleString('en')}
                  </button>
                  )
                </>
              ) : null}
              {graph.truncated && state.large ? ` (cut at ${LARGE_NEIGHBOURHOOD_LIMIT.toLocaleString('en')} nodes)` : ''}
            </p>
          }
        />
        <Timeline nodes={graph.nodes} />
      </div>
      <EvidencePanel claim={panel} onClose={closePanel} />
    </div>
  );
}

/** edgeClaim makes the evidence-panel claim of a drawn link. */
export function edgeClaim(e, graph) {
  const label = (id) => graph.nodes.find((n) => n.id === id)?.label ?? id;
  const words = e.label && e.label !== relationName(e.type) && e.label !== e.type ? ` (${e.label})` : '';
  return {
    id: e.id,
    title: `${label(e.source)} — ${relationName(e.type)}${words} → ${label(e.target)}`,
    evidence: e.evidence,
    hasBasis: true,
    basis: e.basis,
    note: e.note,
  };
}

export { entityState };
