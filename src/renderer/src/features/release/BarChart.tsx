/**
 * A horizontal bar chart in plain SVG: one row per bar, its label on the left and its value printed
 * at the end of the bar, so the chart reads without a legend or colour. Screen readers get the
 * title and a summary as the image's name and description (the visible caption repeats the title and
 * is hidden from them, so it is not read twice), and the caller's table (named by
 * `tableId`) holds the same numbers as the accessible alternative.
 */
import { useId } from 'react'

export interface Bar {
  readonly key: string
  readonly label: string
  readonly value: number
  /** The value as printed: "12", "3.4 %". */
  readonly valueText: string
  /** A CSS colour, e.g. 'var(--family-s9-public-interest)'. */
  readonly colour?: string
}

const ROW_PX = 26
const BAR_PX = 16
const LABEL_PX = 150
const BAR_AREA_PX = 320
const VALUE_PX = 80
const WIDTH_PX = LABEL_PX + BAR_AREA_PX + VALUE_PX
/** Labels longer than this are cut with "…" (the full label is in the bar's tooltip and the table). */
const LABEL_CHARS = 22

export function BarChart(props: {
  title: string
  /** One sentence a screen reader hears after the title. */
  summary: string
  bars: readonly Bar[]
  /** id of the table holding the same numbers. */
  tableId: string
  testId?: string
}): React.JSX.Element {
  const id = useId()
  const max = Math.max(0, ...props.bars.map((b) => b.value))
  const heightPx = Math.max(1, props.bars.length) * ROW_PX + 4
  return (
    <figure className="bar-chart" data-testid={props.testId}>
      <figcaption className="bar-chart-caption" aria-hidden="true">
        {props.title}
      </figcaption>
      <svg
        role="img"
        viewBox={`0 0 ${WIDTH_PX} ${heightPx}`}
        width={WIDTH_PX}
        height={heightPx}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc ${props.tableId}`}
      >
        <title id={`${id}-title`}>{props.title}</title>
        <desc id={`${id}-desc`}>{props.summary}</desc>
        {props.bars.map((bar, i) => {
          const y = i * ROW_PX + 2
          const widthPx = max > 0 ? Math.max(bar.value > 0 ? 2 : 0, (bar.value / max) * BAR_AREA_PX) : 0
          const label = bar.label.length > LABEL_CHARS ? `${bar.label.slice(0, LABEL_CHARS - 1)}…` : bar.label
          return (
            <g key={bar.key} data-bar={bar.key} data-value={bar.value}>
              <title>{`${bar.label}: ${bar.valueText}`}</title>
              <text
                x={LABEL_PX - 8}
                y={y + ROW_PX / 2}
                textAnchor="end"
                dominantBaseline="middle"
                className="bar-label"
              >
                {label}
              </text>
              <rect
                x={LABEL_PX}
                y={y + (ROW_PX - BAR_PX) / 2}
                width={widthPx}
                height={BAR_PX}
                rx={2}
                fill={bar.colour ?? 'var(--color-accent)'}
              />
              <text
                x={LABEL_PX + widthPx + 6}
                y={y + ROW_PX / 2}
                dominantBaseline="middle"
                className="bar-value"
              >
                {bar.valueText}
              </text>
            </g>
          )
        })}
      </svg>
    </figure>
  )
}
