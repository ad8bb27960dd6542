// The kansa HTML report's page script (inlined by src/report/html/index.ts, allowed by its hash).
// Every text from the findings file reaches the page through textContent or createTextNode:
// resource names, tags and evidence are attacker-controlled. Never innerHTML, never a handler
// attribute, never a URL built from data.
(() => {
  const STATUSES = ['FAIL', 'UNKNOWN', 'PASS', 'NOT_APPLICABLE'];
  const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'];
  const PROVIDERS = ['aws', 'azure', 'gcp'];
  const PAGE_SIZE = 100;

  const T = {
    ja: {
      title: '監査レポート',
      navSummary: '概要',
      navFindings: '検出結果',
      navCoverage: '対象範囲',
      scanned: (at, version) => `スキャン日時 ${at} ・ kansa ${version}`,
      inputs: '入力',
      viewOf: (view, scan) =>
        `表示: ${view}（スキャンは ${scan} で実施。判定は同じで要件の対応付けのみ異なります）`,
      partial: '一部の入力またはスコープを読み込めなかったため、結果は部分的です（対象範囲を参照）。',
      verdicts: '要件ごとの判定',
      requirement: '要件',
      clause: '根拠',
      force: { must: '必須', recommended: '推奨', desirable: '望ましい', confirm: '確認' },
      orgParameters: '組織のパラメータ（ガイドラインに数値の定めなし）',
      verdict: '判定',
      counts: '件数（不適合 / 判定不能 / 適合 / 対象外）',
      failedSeverity: (sev) => `不適合・${sev}`,
      totals: '全検出結果',
      charts: 'グラフ',
      byRequirement: '要件ごとの検出結果',
      byAccount: 'アカウント・サブスクリプション・プロジェクトごとの不適合（上位 15）',
      byRegion: 'リージョンごとの検出結果（国内・国外）',
      trend: '推移（不適合・判定不能）',
      noTrend: '過去のスキャン結果（kansa report --history）がないため推移は表示されません。',
      domestic: '国内',
      abroad: '国外',
      global: 'グローバル',
      regionSummary: (d, a) => `国内リージョンの検出結果 ${d} 件 ・ 国外リージョンの検出結果 ${a} 件`,
      findings: '検出結果',
      cloud: 'クラウド',
      account: 'アカウント',
      severity: '重大度',
      status: '状態',
      text: '検索',
      textPlaceholder: 'ID・名前・メッセージ…',
      all: 'すべて',
      shown: (n, total) => `${total} 件中 ${n} 件`,
      page: (p, pages) => `${p} / ${pages} ページ`,
      prev: '前へ',
      next: '次へ',
      check: 'チェック',
      resource: 'リソース',
      region: 'リージョン',
      message: 'メッセージ',
      none: '該当する検出結果はありません。',
      close: '閉じる',
      findingId: '検出結果 ID',
      checkId: 'チェック ID',
      requirements: '要件と根拠',
      provider: 'クラウド',
      type: '種別',
      nativeType: 'ネイティブ種別',
      resourceId: 'リソース ID',
      name: '名前',
      classification: '機密性区分',
      origin: '読み込み元',
      evidence: '証跡（判定に用いた設定）',
      path: '項目',
      value: '値',
      source: '出所',
      note: '補足',
      remediation: '対処方法',
      sources: { explicit: 'エクスポートに明記', default: 'クラウドの既定値', unknown: '判定不能' },
      coverage: '対象範囲',
      files: '読み込んだファイル',
      format: '形式',
      resources: 'リソース数',
      skipped: 'スキップ',
      error: 'エラー',
      scopes: 'ライブ取得したスコープ',
      requests: 'リクエスト',
      byType: '種別ごとのリソース数',
      notEvaluated: 'エクスポートに情報がなく判定できなかったチェック',
      manual: '人による確認が必要な項目（MANUAL）',
      noneItems: 'なし',
      count: '件数',
      sort: '並べ替え',
    },
    en: {
      title: 'Audit report',
      navSummary: 'Summary',
      navFindings: 'Findings',
      navCoverage: 'Coverage',
      scanned: (at, version) => `Scanned ${at} · kansa ${version}`,
      inputs: 'Inputs',
      viewOf: (view, scan) =>
        `Viewed as ${view} (scanned with ${scan}: the same verdicts, mapped to this framework's requirements)`,
      partial: 'Some inputs or scopes could not be read: the results are partial (see Coverage).',
      verdicts: 'Verdict per requirement',
      requirement: 'Requirement',
      clause: 'Clause',
      force: { must: 'must', recommended: 'recommended', desirable: 'desirable', confirm: 'confirm' },
      orgParameters: "Organisation's parameters (no guideline states the number)",
      verdict: 'Verdict',
      counts: 'Findings (FAIL / UNKNOWN / PASS / N/A)',
      failedSeverity: (sev) => `FAIL · ${sev}`,
      totals: 'All findings',
      charts: 'Charts',
      byRequirement: 'Findings by requirement',
      byAccount: 'Failures by account / subscription / project (top 15)',
      byRegion: 'Findings by region (Japan vs abroad)',
      trend: 'Trend (FAIL and UNKNOWN)',
      noTrend: 'No earlier scans given (kansa report --history): no trend to show.',
      domestic: 'Japan',
      abroad: 'abroad',
      global: 'global',
      regionSummary: (d, a) => `Findings in Japanese regions: ${d} · in regions abroad: ${a}`,
      findings: 'Findings',
      cloud: 'Cloud',
      account: 'Account',
      severity: 'Severity',
      status: 'Status',
      text: 'Search',
      textPlaceholder: 'id, name, message…',
      all: 'all',
      shown: (n, total) => `${n} of ${total}`,
      page: (p, pages) => `page ${p} of ${pages}`,
      prev: 'Previous',
      next: 'Next',
      check: 'Check',
      resource: 'Resource',
      region: 'Region',
      message: 'Message',
      none: 'No finding matches.',
      close: 'Close',
      findingId: 'Finding id',
      checkId: 'Check id',
      requirements: 'Requirements and clauses',
      provider: 'Cloud',
      type: 'Type',
      nativeType: 'Native type',
      resourceId: 'Resource id',
      name: 'Name',
      classification: 'Classification',
      origin: 'Read from',
      evidence: 'Evidence (the settings that decided)',
      path: 'Field',
      value: 'Value',
      source: 'Source',
      note: 'Note',
      remediation: 'Remediation',
      sources: { explicit: 'in the export', default: "the cloud's default", unknown: 'cannot be known' },
      coverage: 'Coverage',
      files: 'Files read',
      format: 'Format',
      resources: 'Resources',
      skipped: 'Skipped',
      error: 'Error',
      scopes: 'Live scopes read',
      requests: 'Requests',
      byType: 'Resources by type',
      notEvaluated: 'Checks the export had no data for',
      manual: 'Items a person must confirm (MANUAL)',
      noneItems: 'none',
      count: 'Count',
      sort: 'Sort',
    },
  };
  const STATUS_LABEL = {
    ja: {
      FAIL: '不適合',
      UNKNOWN: '判定不能',
      PASS: '適合',
      NOT_APPLICABLE: '対象外',
      MANUAL: '要手動確認',
      WAIVED: '例外承認',
    },
    en: {
      FAIL: 'FAIL',
      UNKNOWN: 'UNKNOWN',
      PASS: 'PASS',
      NOT_APPLICABLE: 'N/A',
      MANUAL: 'MANUAL',
      WAIVED: 'WAIVED',
    },
  };
  // The history store's state of a finding, and of a waiver (kansa scan with --store, --waivers).
  const HISTORY = {
    ja: {
      states: {
        new: '新規',
        reopened: '再発',
        'changed-severity': '重大度変更',
        'changed-evidence': '根拠変更',
        open: '継続中',
        unknown: '継続中（判定不能）',
        resolved: '解消',
        passing: '適合',
      },
      since: (date) => `前回のスキャン（${date}）からの変化`,
      first: '履歴ストアの最初のスキャンです。',
      waivers: '例外承認（waiver）',
      beforeAfter: '不適合件数: 例外承認の前 → 後',
      waiverStates: {
        active: '有効',
        expiring: 'まもなく期限切れ',
        expired: '期限切れ（適用せず）',
        stale: '該当なし',
      },
      matched: '該当',
      expires: '期限',
      state: '状態',
      waiver: '例外承認',
      openSince: '継続開始',
    },
    en: {
      states: {
        new: 'new',
        reopened: 'reopened',
        'changed-severity': 'severity changed',
        'changed-evidence': 'evidence changed',
        open: 'still open',
        unknown: 'still open (UNKNOWN now)',
        resolved: 'resolved',
        passing: 'passing',
      },
      since: (date) => `Changes since the previous scan (${date})`,
      first: 'The first scan in the history store.',
      waivers: 'Waivers',
      beforeAfter: 'Failures: before → after waivers',
      waiverStates: {
        active: 'active',
        expiring: 'expiring soon',
        expired: 'EXPIRED (not applied)',
        stale: 'stale (matches nothing)',
      },
      matched: 'matched',
      expires: 'expires',
      state: 'History',
      waiver: 'Waiver',
      openSince: 'Open since',
    },
  };
  const SEVERITY_LABEL = {
    ja: { critical: '緊急', high: '高', medium: '中', low: '低', info: '情報' },
    en: { critical: 'critical', high: 'high', medium: 'medium', low: 'low', info: 'info' },
  };
  const PROVIDER_LABEL = { aws: 'AWS', azure: 'Azure', gcp: 'Google Cloud', all: '—' };

  // ---- data ----------------------------------------------------------------------------------
  const D = JSON.parse(document.getElementById('kansa-data').textContent);
  // The report writes its findings in parts, each with the strings and resources it first
  // refers to (indexes run on across parts): joined here into one table of each.
  D.strings = [];
  D.resources = [];
  D.findings = [];
  for (const part of D.parts) {
    for (const s of part.strings) D.strings.push(s);
    for (const r of part.resources) D.resources.push(r);
    for (const f of part.findings) D.findings.push(f);
  }
  const S = D.strings;
  const N = D.findings.length;
  const fCheck = new Uint32Array(N);
  const fStatus = new Uint8Array(N);
  const fSev = new Uint8Array(N);
  const fRes = new Uint32Array(N);
  for (let i = 0; i < N; i++) {
    const f = D.findings[i];
    fCheck[i] = f[1];
    fStatus[i] = f[2];
    fSev[i] = f[3];
    fRes[i] = f[4];
  }
  const fWaiver = (i) => (D.findings[i][8] >= 0 ? JSON.parse(S[D.findings[i][8]]) : null);
  const fState = (i) => (D.findings[i][9] >= 0 ? S[D.findings[i][9]] : '');
  const rProvider = (r) => PROVIDERS[D.resources[r][0]];
  const rAccount = (r) => S[D.resources[r][1]];
  const rRegion = (r) => S[D.resources[r][2]];
  const rId = (r) => D.resources[r][5];
  const rName = (r) => (D.resources[r][6] === 0 ? D.resources[r][5] : D.resources[r][6]);
  const checkTitle = (c, lang) => S[D.checks[c][lang === 'ja' ? 1 : 2]];
  const requirementById = new Map(D.requirements.map((r) => [r.id, r]));
  /** The requirement's force as the clause words it (必須 / 望ましい …); files before 0.2 have none. */
  const forceText = (r, L) => (r.force ? `[${L.force[r.force]}]` : '');
  const orgParametersText = (r, L) =>
    r.orgParameters && r.orgParameters.length > 0
      ? el(
          'div',
          {},
          `${L.orgParameters}: ${r.orgParameters.map((p) => `${p.name} = ${JSON.stringify(p.value)}`).join(', ')}`,
        )
      : '';

  const state = {
    lang: D.lang === 'ja' ? 'ja' : 'en',
    filter: { provider: '', account: '', requirement: '', severity: '', status: '', text: '' },
    sort: { key: 'default', desc: false },
    page: 0,
    rows: new Uint32Array(0),
  };

  // ---- DOM helpers: text only --------------------------------------------------------------
  const SVG_NS = 'http://www.w3.org/2000/svg';
  /** An element with fixed attributes; children are nodes or strings (text nodes, never markup). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {}))
      if (v !== undefined && v !== null) node.setAttribute(k, v);
    for (const child of children.flat()) {
      if (child === undefined || child === null || child === false) continue;
      node.append(
        typeof child === 'string' || typeof child === 'number'
          ? document.createTextNode(String(child))
          : child,
      );
    }
    return node;
  }
  /** Replaces a node's children (the same child rules as el). */
  function fill(node, ...children) {
    node.replaceChildren(...el('div', {}, ...children).childNodes);
  }
  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    for (const child of children)
      node.append(typeof child === 'string' ? document.createTextNode(child) : child);
    return node;
  }
  const t = () => T[state.lang];
  const badge = (status) => el('span', { class: `badge b-${status}` }, STATUS_LABEL[state.lang][status]);
  const sevLabel = (sev) => el('span', { class: `sev sev-${sev}` }, SEVERITY_LABEL[state.lang][sev]);
  const formatTime = (iso) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(state.lang === 'ja' ? 'ja-JP' : 'en-GB');
  };
  const regionClass = (provider, region) => {
    if (region === 'global' || region === '') return 'global';
    const allowed = D.scan.allowedRegions?.[provider] || [];
    return allowed.includes(region) ? 'domestic' : 'abroad';
  };

  // ---- layout --------------------------------------------------------------------------------
  const root = {
    header: el('header'),
    summary: el('section', { id: 'summary' }),
    findings: el('section', { id: 'findings' }),
    coverage: el('section', { id: 'coverage' }),
    dialog: el('dialog', { id: 'finding', 'aria-labelledby': 'finding-title' }),
  };
  document.body.append(root.header, el('main', {}, root.summary, root.findings, root.coverage), root.dialog);
  root.dialog.addEventListener('click', (e) => {
    if (e.target === root.dialog) root.dialog.close();
  });

  function renderHeader() {
    const L = t();
    document.documentElement.lang = state.lang;
    document.title = `kansa — ${D.view.title[state.lang]}`;
    const langs = el(
      'div',
      { class: 'lang', role: 'group', 'aria-label': 'language' },
      ...['ja', 'en'].map((lang) => {
        const b = el(
          'button',
          { type: 'button', 'data-lang': lang, 'aria-pressed': String(lang === state.lang) },
          lang === 'ja' ? '日本語' : 'English',
        );
        b.addEventListener('click', () => setLang(lang));
        return b;
      }),
    );
    const view = `${D.view.title[state.lang]} (${D.view.id} ${D.view.version})`;
    const fw = D.scan.framework;
    fill(
      root.header,
      el('h1', {}, `kansa ${L.title} — ${view}`),
      el(
        'nav',
        {},
        el('a', { href: '#summary' }, L.navSummary),
        el('a', { href: '#findings' }, L.navFindings),
        el('a', { href: '#coverage' }, L.navCoverage),
      ),
      langs,
      el(
        'div',
        { class: 'meta' },
        L.scanned(formatTime(D.scan.finishedAt), D.scan.tool.version),
        ` · ${L.inputs}: ${D.scan.inputs.join(', ')}`,
        fw.id !== D.view.id
          ? el('div', {}, L.viewOf(view, `${fw.title[state.lang]} (${fw.id} ${fw.version})`))
          : null,
      ),
    );
  }

  // ---- summary: verdicts, counts, charts ---------------------------------------------------
  function renderSummary() {
    const L = t();
    const counts = D.summary.byStatus;
    const cards = el(
      'div',
      { class: 'cards' },
      ...SEVERITIES.map((sev) =>
        el(
          'div',
          { class: `card ${sev}` },
          el('div', { class: 'n' }, D.summary.failedBySeverity[sev]),
          el('div', { class: 'l' }, L.failedSeverity(SEVERITY_LABEL[state.lang][sev])),
        ),
      ),
      el(
        'div',
        { class: 'card' },
        el('div', { class: 'n' }, D.summary.findings),
        el(
          'div',
          { class: 'l' },
          STATUSES.map((s) => `${STATUS_LABEL[state.lang][s]} ${counts[s]}`).join(' / '),
        ),
      ),
    );
    const verdicts = el(
      'table',
      { id: 'verdicts' },
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', { scope: 'col' }, L.requirement),
          el('th', { scope: 'col' }, L.verdict),
          el('th', { scope: 'col', class: 'num' }, L.counts),
          el('th', { scope: 'col' }, L.clause),
        ),
      ),
      el(
        'tbody',
        {},
        ...D.requirements.map((r) => {
          const row = el(
            'tr',
            {},
            el('td', {}, el('strong', {}, r.id), ' ', r.title[state.lang]),
            el('td', {}, badge(r.status)),
            el('td', { class: 'num mono' }, STATUSES.map((s) => r.counts[s]).join(' / ')),
            el('td', { class: 'small' }, forceText(r, L), ' ', r.clause, orgParametersText(r, L)),
          );
          return row;
        }),
      ),
    );
    fill(
      root.summary,
      el('h2', {}, L.verdicts),
      D.scan.partial ? el('div', { class: 'warn' }, L.partial) : null,
      cards,
      changesBlock(),
      waiversBlock(),
      verdicts,
      el('h2', { class: 'charts-title' }, L.charts),
      el(
        'div',
        { class: 'charts' },
        chartBox(L.byRequirement, requirementChart(), legend(['FAIL', 'UNKNOWN', 'PASS'])),
        chartBox(L.byAccount, accountChart(), legend(['FAIL', 'UNKNOWN'])),
        chartBox(L.byRegion, regionChart(), regionLegend()),
        chartBox(L.trend, trendChart(), legend(['FAIL', 'UNKNOWN'])),
      ),
    );
  }

  /** "3 new since 2026-11-30": what the history store saw change since the previous scan. */
  function changesBlock() {
    if (!D.changes) return null;
    const H = HISTORY[state.lang];
    const shown = ['new', 'reopened', 'resolved', 'changed-severity', 'changed-evidence', 'open'];
    const items = shown
      .filter((c) => (D.changes.counts[c] || 0) > 0)
      .map((c) => el('li', { 'data-change': c }, `${H.states[c]}: ${D.changes.counts[c]}`));
    return el(
      'div',
      { id: 'changes' },
      el('h3', {}, D.changes.previous ? H.since(formatTime(D.changes.previous.finishedAt)) : H.first),
      items.length ? el('ul', {}, ...items) : null,
    );
  }

  /** Failures before and after waivers, side by side, and what became of each waiver. */
  function waiversBlock() {
    if (!D.waivers) return null;
    const H = HISTORY[state.lang];
    const waived = new Map(SEVERITIES.map((sev) => [sev, 0]));
    for (let i = 0; i < N; i++) {
      if (D.findings[i][8] >= 0) waived.set(SEVERITIES[fSev[i]], waived.get(SEVERITIES[fSev[i]]) + 1);
    }
    const row = (cells, tag) => el('tr', {}, ...cells.map((c) => el(tag, {}, c)));
    return el(
      'div',
      { id: 'waivers' },
      el('h3', {}, H.waivers),
      el(
        'table',
        { class: 'before-after' },
        el('caption', {}, H.beforeAfter),
        el(
          'thead',
          {},
          row(
            SEVERITIES.map((sev) => SEVERITY_LABEL[state.lang][sev]),
            'th',
          ),
        ),
        el(
          'tbody',
          {},
          row(
            SEVERITIES.map((sev) => {
              const before = D.summary.failedBySeverity[sev];
              return `${before} → ${before - waived.get(sev)}`;
            }),
            'td',
          ),
        ),
      ),
      el(
        'ul',
        {},
        ...D.waivers.map((w) =>
          el(
            'li',
            { 'data-waiver-state': w.state },
            el('strong', {}, w.id),
            ` ${H.waiverStates[w.state]} · ${H.matched} ${w.matched} · ${H.expires} ${w.expires} · `,
            el('code', {}, w.at),
          ),
        ),
      ),
    );
  }

  function chartBox(title, chart, legendNode) {
    return el('div', { class: 'chart' }, el('h3', {}, title), chart, legendNode);
  }
  function legend(statuses) {
    return el(
      'div',
      { class: 'legend' },
      ...statuses.map((s) => el('span', {}, el('i', { class: `k-${s}` }), STATUS_LABEL[state.lang][s])),
    );
  }
  function regionLegend() {
    const L = t();
    return el(
      'div',
      { class: 'legend' },
      ...['domestic', 'abroad', 'global'].map((k) => el('span', {}, el('i', { class: `k-${k}` }), L[k])),
      el('div', {}, L.regionSummary(regionTotals.domestic, regionTotals.abroad)),
    );
  }

  /**
   * Horizontal stacked bars: items [{label, title, segments: [{value, cls}], onClick}].
   * Labels and tooltips are SVG text nodes (textContent), never markup.
   */
  function barChart(items) {
    if (items.length === 0) return el('p', { class: 'small' }, t().noneItems);
    const rowH = 20;
    const labelW = 230;
    const width = 640;
    const barW = width - labelW - 50;
    const max = Math.max(1, ...items.map((it) => it.segments.reduce((n, s) => n + s.value, 0)));
    const root = svg('svg', { viewBox: `0 0 ${width} ${items.length * rowH + 4}`, role: 'img' });
    items.forEach((it, i) => {
      const y = i * rowH + 2;
      const g = svg('g', it.onClick ? { class: 'clickable', tabindex: '0' } : {});
      const tip = svg('title');
      tip.textContent = it.title;
      g.append(tip);
      const label = svg('text', { x: labelW - 6, y: y + 13, 'text-anchor': 'end' });
      label.textContent = it.label.length > 34 ? `${it.label.slice(0, 33)}…` : it.label;
      g.append(label);
      let x = labelW;
      let total = 0;
      for (const seg of it.segments) {
        if (seg.value <= 0) continue;
        const w = (seg.value / max) * barW;
        g.append(
          svg('rect', { x, y: y + 2, width: Math.max(w, 1), height: rowH - 6, class: `s-${seg.cls}` }),
        );
        x += w;
        total += seg.value;
      }
      const n = svg('text', { x: x + 4, y: y + 13 });
      n.textContent = String(total);
      g.append(n);
      if (it.onClick) {
        g.addEventListener('click', it.onClick);
        g.addEventListener('keydown', (e) => {
          if (e.key === 'Enter') it.onClick();
        });
      }
      root.append(g);
    });
    return root;
  }

  function requirementChart() {
    return barChart(
      D.requirements
        .filter((r) => r.counts.FAIL + r.counts.UNKNOWN + r.counts.PASS > 0)
        .map((r) => ({
          label: r.id,
          title: `${r.id} ${r.title[state.lang]}: ${STATUSES.map((s) => `${STATUS_LABEL[state.lang][s]} ${r.counts[s]}`).join(', ')}`,
          segments: ['FAIL', 'UNKNOWN', 'PASS'].map((s) => ({ value: r.counts[s], cls: s })),
          onClick: () => applyFilter({ requirement: r.id, status: '' }),
        })),
    );
  }

  // Counted once: per account and per region.
  const byAccount = new Map();
  const byRegion = new Map();
  const regionTotals = { domestic: 0, abroad: 0, global: 0 };
  for (let i = 0; i < N; i++) {
    const r = fRes[i];
    const provider = rProvider(r);
    const aKey = `${provider}\u0000${rAccount(r)}`;
    let a = byAccount.get(aKey);
    if (!a) {
      a = { provider, account: rAccount(r), counts: [0, 0, 0, 0] };
      byAccount.set(aKey, a);
    }
    a.counts[fStatus[i]]++;
    const region = rRegion(r);
    const gKey = `${provider}\u0000${region}`;
    let g = byRegion.get(gKey);
    if (!g) {
      g = { provider, region, cls: regionClass(provider, region), n: 0, fail: 0 };
      byRegion.set(gKey, g);
    }
    g.n++;
    if (fStatus[i] === 0) g.fail++;
    regionTotals[g.cls]++;
  }

  function accountChart() {
    const items = [...byAccount.values()]
      .filter((a) => a.counts[0] + a.counts[1] > 0)
      .sort((x, y) => y.counts[0] - x.counts[0] || y.counts[1] - x.counts[1])
      .slice(0, 15);
    return barChart(
      items.map((a) => ({
        label: `${PROVIDER_LABEL[a.provider]} ${a.account}`,
        title: `${PROVIDER_LABEL[a.provider]} ${a.account}: ${STATUS_LABEL[state.lang].FAIL} ${a.counts[0]}, ${STATUS_LABEL[state.lang].UNKNOWN} ${a.counts[1]}`,
        segments: [
          { value: a.counts[0], cls: 'FAIL' },
          { value: a.counts[1], cls: 'UNKNOWN' },
        ],
        onClick: () => applyFilter({ provider: a.provider, account: a.account, status: 'FAIL' }),
      })),
    );
  }

  function regionChart() {
    const L = t();
    const items = [...byRegion.values()].sort((x, y) => y.n - x.n).slice(0, 20);
    return barChart(
      items.map((g) => ({
        label: `${PROVIDER_LABEL[g.provider]} ${g.region} (${L[g.cls]})`,
        title: `${PROVIDER_LABEL[g.provider]} ${g.region} (${L[g.cls]}): ${g.n} (${STATUS_LABEL[state.lang].FAIL} ${g.fail})`,
        segments: [{ value: g.n, cls: g.cls }],
      })),
    );
  }

  function trendChart() {
    const points = D.history;
    if (points.length < 2) return el('p', { class: 'small' }, t().noTrend);
    const width = 640;
    const height = 180;
    const pad = { l: 40, r: 10, t: 10, b: 34 };
    const max = Math.max(1, ...points.map((p) => Math.max(p.byStatus.FAIL, p.byStatus.UNKNOWN)));
    const x = (i) => pad.l + (i * (width - pad.l - pad.r)) / (points.length - 1);
    const y = (v) => pad.t + (1 - v / max) * (height - pad.t - pad.b);
    const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img' });
    chart.append(svg('line', { class: 'axis', x1: pad.l, x2: width - pad.r, y1: y(0), y2: y(0) }));
    const top = svg('text', { x: pad.l - 4, y: y(max) + 4, 'text-anchor': 'end' });
    top.textContent = String(max);
    chart.append(top);
    for (const s of ['FAIL', 'UNKNOWN']) {
      chart.append(
        svg('polyline', {
          class: `line-${s}`,
          points: points.map((p, i) => `${x(i)},${y(p.byStatus[s])}`).join(' '),
        }),
      );
      points.forEach((p, i) => {
        const dot = svg('circle', { cx: x(i), cy: y(p.byStatus[s]), r: 3, class: `s-${s}` });
        const tip = svg('title');
        tip.textContent = `${formatTime(p.at)}: ${STATUS_LABEL[state.lang][s]} ${p.byStatus[s]}`;
        dot.append(tip);
        chart.append(dot);
      });
    }
    points.forEach((p, i) => {
      const anchor = i === 0 ? 'start' : i === points.length - 1 ? 'end' : 'middle';
      const label = svg('text', { x: x(i), y: height - 16, 'text-anchor': anchor });
      label.textContent = String(p.at).slice(0, 10);
      chart.append(label);
    });
    return chart;
  }

  // ---- findings table --------------------------------------------------------------------------
  const controls = {};
  let haystack = null;
  let haystackLang = '';

  function renderFindingsSection() {
    const L = t();
    const f = state.filter;
    const select = (name, label, options) => {
      const s = el(
        'select',
        { name, 'data-filter': name },
        el('option', { value: '' }, L.all),
        ...options.map(([value, text]) => el('option', { value }, text)),
      );
      s.value = f[name];
      s.addEventListener('change', () => applyFilter({ [name]: s.value }));
      controls[name] = s;
      return el('label', {}, label, s);
    };
    const accounts = [...byAccount.values()]
      .filter((a) => !f.provider || a.provider === f.provider)
      .map((a) => [a.account, `${PROVIDER_LABEL[a.provider]} ${a.account}`]);
    const text = el('input', { type: 'search', name: 'text', placeholder: L.textPlaceholder });
    text.value = f.text;
    let timer = 0;
    text.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => applyFilter({ text: text.value }), 150);
    });
    controls.text = text;
    const sortable = (key, label) => {
      const b = el('button', { type: 'button', 'data-sort': key, title: L.sort }, label);
      b.addEventListener('click', () => {
        state.sort = { key, desc: state.sort.key === key ? !state.sort.desc : key === 'severity' };
        refresh();
      });
      return el('th', { scope: 'col' }, b);
    };
    fill(
      root.findings,
      el('h2', {}, L.findings),
      el(
        'div',
        { class: 'filters' },
        select(
          'provider',
          L.cloud,
          PROVIDERS.filter((p) => [...byAccount.values()].some((a) => a.provider === p)).map((p) => [
            p,
            PROVIDER_LABEL[p],
          ]),
        ),
        select('account', L.account, accounts),
        select(
          'requirement',
          L.requirement,
          D.requirements.map((r) => [r.id, `${r.id} ${r.title[state.lang]}`]),
        ),
        select(
          'severity',
          L.severity,
          SEVERITIES.map((s) => [s, SEVERITY_LABEL[state.lang][s]]),
        ),
        select(
          'status',
          L.status,
          STATUSES.map((s) => [s, STATUS_LABEL[state.lang][s]]),
        ),
        el('label', {}, L.text, text),
      ),
      el('div', { id: 'count', class: 'small', 'aria-live': 'polite' }),
      el(
        'table',
        { id: 'table' },
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            sortable('status', L.status),
            sortable('severity', L.severity),
            sortable('requirement', L.requirement),
            sortable('check', L.check),
            sortable('resource', L.resource),
            sortable('account', L.account),
            sortable('region', L.region),
            el('th', { scope: 'col' }, L.message),
          ),
        ),
        el('tbody', { id: 'rows' }),
      ),
      el('div', { class: 'pager' }),
    );
    refresh();
  }

  function applyFilter(change) {
    Object.assign(state.filter, change);
    if (change.provider !== undefined && change.account === undefined) state.filter.account = '';
    state.page = 0;
    renderFindingsSection();
    if (change.requirement !== undefined || change.account !== undefined) root.findings.scrollIntoView();
  }

  function buildHaystack() {
    if (haystack && haystackLang === state.lang) return haystack;
    const ja = state.lang === 'ja';
    haystack = new Array(N);
    for (let i = 0; i < N; i++) {
      const f = D.findings[i];
      const r = D.resources[fRes[i]];
      const c = D.checks[fCheck[i]];
      haystack[i] = [
        f[0],
        c[0],
        S[c[ja ? 1 : 2]],
        S[f[ja ? 5 : 6]],
        r[5],
        r[6] === 0 ? '' : r[6],
        S[r[1]],
        S[r[2]],
        c[5].join(' '),
      ]
        .join('\u0000')
        .toLowerCase();
    }
    haystackLang = state.lang;
    return haystack;
  }

  function filterRows() {
    const f = state.filter;
    const provider = f.provider ? PROVIDERS.indexOf(f.provider) : -1;
    const status = f.status ? STATUSES.indexOf(f.status) : -1;
    const sev = f.severity ? SEVERITIES.indexOf(f.severity) : -1;
    const checkOk = new Uint8Array(D.checks.length).fill(1);
    if (f.requirement) {
      for (let c = 0; c < D.checks.length; c++) checkOk[c] = D.checks[c][5].includes(f.requirement) ? 1 : 0;
    }
    const account = f.account ? S.indexOf(f.account) : -1;
    const needle = f.text.trim().toLowerCase();
    const hay = needle ? buildHaystack() : null;
    const out = new Uint32Array(N);
    let n = 0;
    for (let i = 0; i < N; i++) {
      if (status >= 0 && fStatus[i] !== status) continue;
      if (sev >= 0 && fSev[i] !== sev) continue;
      if (!checkOk[fCheck[i]]) continue;
      const r = D.resources[fRes[i]];
      if (provider >= 0 && r[0] !== provider) continue;
      if (f.account && r[1] !== account) continue;
      if (hay && !hay[i].includes(needle)) continue;
      out[n++] = i;
    }
    return sortRows(out.subarray(0, n));
  }

  /** Default order: FAIL first, most severe first; a bucket sort, linear in the number of rows. */
  function sortRows(rows) {
    const { key, desc } = state.sort;
    if (key === 'default') {
      const buckets = Array.from({ length: STATUSES.length * SEVERITIES.length }, () => []);
      for (const i of rows) buckets[fStatus[i] * SEVERITIES.length + fSev[i]].push(i);
      return Uint32Array.from(buckets.flat());
    }
    const lang = state.lang;
    const keyOf = {
      status: (i) => fStatus[i] * 10 + fSev[i],
      severity: (i) => (SEVERITIES.length - fSev[i]) * 10 + (3 - fStatus[i]),
      requirement: (i) => D.checks[fCheck[i]][5].join(' '),
      check: (i) => checkTitle(fCheck[i], lang),
      resource: (i) => rName(fRes[i]),
      account: (i) => `${rProvider(fRes[i])} ${rAccount(fRes[i])}`,
      region: (i) => rRegion(fRes[i]),
    }[key];
    const keys = new Map();
    for (const i of rows) keys.set(i, keyOf(i));
    const sorted = Array.from(rows).sort((a, b) => {
      const x = keys.get(a);
      const y = keys.get(b);
      const c = typeof x === 'number' ? x - y : x < y ? -1 : x > y ? 1 : 0;
      return c || a - b;
    });
    if (desc) sorted.reverse();
    return Uint32Array.from(sorted);
  }

  function refresh() {
    state.rows = filterRows();
    renderPage();
  }

  function renderPage() {
    const L = t();
    const rows = state.rows;
    const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
    state.page = Math.min(state.page, pages - 1);
    const start = state.page * PAGE_SIZE;
    const body = document.getElementById('rows');
    const trs = [];
    for (let k = start; k < Math.min(rows.length, start + PAGE_SIZE); k++) {
      const i = rows[k];
      const f = D.findings[i];
      const c = D.checks[fCheck[i]];
      const r = fRes[i];
      const tr = el(
        'tr',
        { tabindex: '0', 'data-index': String(i), 'data-id': f[0] },
        el(
          'td',
          {},
          badge(f[8] >= 0 ? 'WAIVED' : STATUSES[fStatus[i]]),
          f[9] >= 0 ? el('div', { class: 'small' }, HISTORY[state.lang].states[S[f[9]]] || S[f[9]]) : null,
        ),
        el('td', {}, sevLabel(SEVERITIES[fSev[i]])),
        el('td', { class: 'mono nowrap' }, c[5].join(' ')),
        el('td', {}, checkTitle(fCheck[i], state.lang), el('div', { class: 'small' }, c[0])),
        el('td', {}, rName(r), el('div', { class: 'small' }, rId(r))),
        el('td', {}, `${PROVIDER_LABEL[rProvider(r)]} `, el('span', { class: 'small' }, rAccount(r))),
        el('td', {}, rRegion(r)),
        el('td', {}, S[f[state.lang === 'ja' ? 5 : 6]]),
      );
      trs.push(tr);
    }
    body.replaceChildren(...trs);
    if (trs.length === 0) body.append(el('tr', {}, el('td', { colspan: '8' }, L.none)));
    document.getElementById('count').textContent = L.shown(rows.length, N);
    const prev = el('button', { type: 'button', 'data-page': 'prev' }, L.prev);
    const next = el('button', { type: 'button', 'data-page': 'next' }, L.next);
    prev.disabled = state.page === 0;
    next.disabled = state.page >= pages - 1;
    prev.addEventListener('click', () => {
      state.page--;
      renderPage();
    });
    next.addEventListener('click', () => {
      state.page++;
      renderPage();
    });
    root.findings
      .querySelector('.pager')
      .replaceChildren(prev, el('span', {}, L.page(state.page + 1, pages)), next);
  }

  // One listener for every row: click or Enter opens the finding.
  root.findings.addEventListener('click', (e) => {
    const tr = e.target.closest?.('#rows tr[data-index]');
    if (tr) openFinding(Number(tr.dataset.index));
  });
  root.findings.addEventListener('keydown', (e) => {
    const tr = e.key === 'Enter' && e.target.closest?.('#rows tr[data-index]');
    if (tr) openFinding(Number(tr.dataset.index));
  });

  // ---- one finding -------------------------------------------------------------------------------
  let openIndex = -1;
  function openFinding(i) {
    openIndex = i;
    renderFinding();
    if (!root.dialog.open) root.dialog.showModal();
  }

  /** The finding's waiver and history state, for its dialog. */
  function historyPairs(i) {
    const H = HISTORY[state.lang];
    const pairs = [];
    const waiver = fWaiver(i);
    if (waiver) {
      pairs.push([
        H.waiver,
        `${waiver.id}: ${waiver.reason} (${waiver.approver}, ${waiver.approved} → ${waiver.expires})`,
      ]);
    }
    const historyState = fState(i);
    if (historyState) pairs.push([H.state, H.states[historyState] || historyState]);
    if (D.findings[i][10]) pairs.push([H.openSince, formatTime(D.findings[i][10])]);
    return pairs;
  }

  function renderFinding() {
    const i = openIndex;
    if (i < 0) return;
    const L = t();
    const lang = state.lang;
    const f = D.findings[i];
    const c = D.checks[fCheck[i]];
    const r = D.resources[fRes[i]];
    const evidence = f[7] >= 0 ? JSON.parse(S[f[7]]) : [];
    const close = el('button', { type: 'button', class: 'close' }, L.close);
    close.addEventListener('click', () => root.dialog.close());
    const dl = (pairs) => el('dl', {}, ...pairs.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
    const requirements = c[5].map((id) => {
      const requirement = requirementById.get(id);
      return el(
        'div',
        {},
        el('strong', {}, id),
        ' ',
        requirement ? requirement.title[lang] : '',
        el(
          'div',
          { class: 'small' },
          requirement ? `${forceText(requirement, L)} ${requirement.clause}` : '',
        ),
      );
    });
    const origin = `${S[r[8]]}${r[9] === '' ? '' : typeof r[9] === 'number' ? ` #${r[9]}` : ` ${r[9]}`}`;
    fill(
      root.dialog,
      el(
        'div',
        { class: 'head' },
        el(
          'div',
          {},
          el('h2', { id: 'finding-title' }, S[c[lang === 'ja' ? 1 : 2]]),
          badge(STATUSES[fStatus[i]]),
          ' ',
          sevLabel(SEVERITIES[fSev[i]]),
        ),
        close,
      ),
      el(
        'div',
        { class: 'body' },
        el('p', { class: 'message' }, S[f[lang === 'ja' ? 5 : 6]]),
        dl([
          [L.requirements, el('div', {}, ...requirements)],
          [L.checkId, el('code', {}, c[0])],
          [L.findingId, el('code', {}, f[0])],
          [L.provider, PROVIDER_LABEL[PROVIDERS[r[0]]]],
          [L.account, S[r[1]]],
          [L.region, `${S[r[2]]} (${L[regionClass(PROVIDERS[r[0]], S[r[2]])]})`],
          [L.type, `${S[r[3]]} · ${S[r[4]]}`],
          [L.name, r[6] === 0 ? r[5] : r[6]],
          [L.resourceId, el('code', {}, r[5])],
          [L.classification, String(r[7])],
          [L.origin, el('code', {}, origin)],
          ...historyPairs(i),
        ]),
        el('h3', {}, L.evidence),
        el(
          'table',
          { class: 'evidence' },
          el(
            'thead',
            {},
            el(
              'tr',
              {},
              el('th', {}, L.path),
              el('th', {}, L.value),
              el('th', {}, L.source),
              el('th', {}, L.note),
            ),
          ),
          el(
            'tbody',
            {},
            ...evidence.map((e) =>
              el(
                'tr',
                {},
                el('td', { class: 'mono' }, e.path),
                el('td', { class: 'mono' }, e.value === undefined ? '—' : JSON.stringify(e.value)),
                el('td', {}, L.sources[e.source] || e.source),
                el(
                  'td',
                  {},
                  e.note ? e.note[lang] : '',
                  e.resourceId ? el('div', { class: 'small' }, e.resourceId) : null,
                ),
              ),
            ),
          ),
        ),
        el('h3', {}, L.remediation),
        el('div', { class: 'remediation' }, S[c[lang === 'ja' ? 3 : 4]]),
      ),
    );
  }

  // ---- coverage ------------------------------------------------------------------------------
  function renderCoverage() {
    const L = t();
    const lang = state.lang;
    const cov = D.coverage;
    const table = (head, rows, numeric = []) =>
      el(
        'table',
        {},
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            ...head.map((h, k) => el('th', { scope: 'col', class: numeric.includes(k) ? 'num' : null }, h)),
          ),
        ),
        el(
          'tbody',
          {},
          ...rows.map((cells) =>
            el('tr', {}, ...cells.map((v, k) => el('td', { class: numeric.includes(k) ? 'num' : null }, v))),
          ),
        ),
      );
    const files = table(
      [L.files, L.format, L.resources, L.skipped, L.error],
      cov.files.map((f) => [
        el('code', {}, f.path),
        f.format || '',
        String(f.resources),
        f.skippedCount === 0
          ? '0'
          : el(
              'details',
              {},
              el('summary', {}, String(f.skippedCount)),
              el(
                'ul',
                {},
                ...f.skipped.map((s) =>
                  el(
                    'li',
                    { class: 'small' },
                    `${s.line !== undefined ? `L${s.line}` : s.index !== undefined ? `#${s.index}` : ''} ${s.reason}`,
                  ),
                ),
              ),
            ),
        f.error || '',
      ]),
      [2],
    );
    const manual = D.requirements.flatMap((r) =>
      r.manual.map((m) => [el('strong', {}, r.id), PROVIDER_LABEL[m.provider], m.text[lang]]),
    );
    fill(
      root.coverage,
      el('h2', {}, L.coverage),
      el('h3', {}, L.manual),
      manual.length ? table([L.requirement, L.cloud, ''], manual) : el('p', {}, L.noneItems),
      el('h3', {}, L.notEvaluated),
      cov.notEvaluated.length
        ? table(
            [L.check, L.resources],
            cov.notEvaluated.map((n) => [el('code', {}, n.checkId), String(n.resources)]),
            [1],
          )
        : el('p', {}, L.noneItems),
      el('h3', {}, L.files),
      files,
      cov.scopes.length
        ? [
            el('h3', {}, L.scopes),
            table(
              [L.cloud, L.scopes, L.resources, L.requests, L.error],
              cov.scopes.map((s) => [
                PROVIDER_LABEL[s.provider],
                s.scope,
                String(s.resources),
                String(s.requests),
                s.error || '',
              ]),
              [2, 3],
            ),
          ]
        : null,
      el('h3', {}, L.byType),
      table(
        [L.cloud, L.type, L.nativeType, L.count],
        cov.resourcesByType.map((r) => [PROVIDER_LABEL[r.provider], r.type, r.nativeType, String(r.count)]),
        [3],
      ),
    );
  }

  // ---- language --------------------------------------------------------------------------------
  function setLang(lang) {
    state.lang = lang;
    renderAll();
  }

  function renderAll() {
    renderHeader();
    renderSummary();
    renderFindingsSection();
    renderCoverage();
    if (root.dialog.open) renderFinding();
  }

  renderAll();
  document.body.dataset.ready = '1';
})();
