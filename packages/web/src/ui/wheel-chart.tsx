import type { DomainPositions, ScaleUsed } from '@crux/domain/wheel/schema';

export type WheelDomain = { id: string; name: string };
/** One conversation's (or the plan's) positions, on the scale they were given on. */
export type WheelRing = { key: string; scale: ScaleUsed; positions: DomainPositions };

type Props = {
  title: string;
  description: string;
  domains: readonly WheelDomain[];
  /** Now, filled. */
  latest: WheelRing | null;
  /** Earlier conversations, oldest first: drawn fainter the older they are. */
  earlier: readonly WheelRing[];
};

/** Wider than tall: the domain names left and right of the wheel need the room. */
const width = 480;
const height = 320;
const cx = width / 2;
const cy = height / 2;
const radius = 104;
const rings = [0.25, 0.5, 0.75, 1];

/** Where a domain's spoke points: the first straight up, the rest clockwise. */
const angleOf = (i: number, n: number) => -Math.PI / 2 + (2 * Math.PI * i) / n;
const at = (share: number, angle: number) =>
  [cx + Math.cos(angle) * radius * share, cy + Math.sin(angle) * radius * share] as const;

/** A position as a share of its own scale: a scale changed later never moves an old ring. */
const share = (value: number, scale: ScaleUsed) =>
  Math.max(0, Math.min(1, (value - scale.min) / Math.max(1, scale.max - scale.min)));

function outline(ring: WheelRing, domains: readonly WheelDomain[]): string {
  return domains
    .map((d, i) => {
      const value = ring.positions[d.id];
      const [x, y] = at(value === undefined ? 0 : share(value, ring.scale), angleOf(i, domains.length));
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
}

/**
 * Arbeidshjulet: one spoke per domain, the latest positions filled, earlier conversations as fainter
 * rings. A picture only (role="img" with a title and a description): the page puts the same numbers in
 * a table beside it, and every position is set through native form controls, never by dragging.
 */
export function WheelChart({ title, description, domains, latest, earlier }: Props) {
  const n = Math.max(domains.length, 1);
  return (
    <svg
      className="wheel"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby="wheel-title"
      aria-describedby="wheel-description"
    >
      <title id="wheel-title">{title}</title>
      <desc id="wheel-description">{description}</desc>
      {rings.map((r) => (
        <circle key={r} cx={cx} cy={cy} r={radius * r} className="wheel-grid" />
      ))}
      {domains.map((d, i) => {
        const angle = angleOf(i, n);
        const [x, y] = at(1, angle);
        const [lx, ly] = at(1.1, angle);
        const anchor = Math.abs(Math.cos(angle)) < 0.2 ? 'middle' : Math.cos(angle) > 0 ? 'start' : 'end';
        return (
          <g key={d.id}>
            <line x1={cx} y1={cy} x2={x} y2={y} className="wheel-grid" />
            <text x={lx} y={ly} textAnchor={anchor} dominantBaseline="middle" className="wheel-label">
              {d.name}
            </text>
          </g>
        );
      })}
      {earlier.map((ring, i) => (
        <polygon
          key={ring.key}
          points={outline(ring, domains)}
          className="wheel-earlier"
          style={{ strokeOpacity: 0.25 + (0.5 * (i + 1)) / (earlier.length + 1) }}
        />
      ))}
      {latest ? <polygon points={outline(latest, domains)} className="wheel-latest" /> : null}
      {latest
        ? domains.map((d, i) => {
            const value = latest.positions[d.id];
            if (value === undefined) return null;
            const [x, y] = at(share(value, latest.scale), angleOf(i, n));
            return <circle key={d.id} cx={x} cy={y} r={4} className="wheel-point" />;
          })
        : null}
    </svg>
  );
}
