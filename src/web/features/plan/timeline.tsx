import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { Link } from 'react-router';
import type { Schedule } from '#shared/contracts/plan.schedule.ts';
import { chunkByContext, taskTitleInContext } from '#shared/task-title.ts';
import { useI18n } from '#web/i18n/messages.ts';
import { paths } from '#web/lib/paths.ts';
import {
  datedTasksByActivity,
  fitPxPerDay,
  milestoneLabelSide,
  offsetOf,
  pxPerDay,
  ticks,
  timelineRange,
  zoomLevels,
  type Tick,
  type Zoom,
} from './timeline.ts';

/** About how wide a milestone's name is at the scale's font size (a diamond and ~7 px a character). */
const milestoneLabelWidth = (title: string) => 24 + title.length * 7;

/**
 * The Gantt view: phases as bands, tasks as bars from planned start to due date (a point
 * when only the due date is set), milestones as diamonds and a line for today. Every task
 * is a link, reachable with Tab in the checklist's order; the list below says the same in text.
 */
export function Timeline({ mergerId, schedule }: { mergerId: string; schedule: Schedule }) {
  const { m, fmt } = useI18n();
  const t = m.schedule.timeline;
  const [zoom, setZoom] = useState<Zoom>('months');
  const range = useMemo(() => timelineRange(schedule), [schedule]);
  const groups = useMemo(() => datedTasksByActivity(schedule), [schedule]);
  // The track's space: the region's width less the sticky label column, measured and
  // re-measured when the window changes, so «Kvartaler» fits the plan to it.
  const scroller = useRef<HTMLDivElement>(null);
  const [space, setSpace] = useState(0);
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () => {
      const label = element.querySelector<HTMLElement>('.samla-timeline__label');
      setSpace(element.clientWidth - (label?.offsetWidth ?? 0) - 2);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const perDay = zoom === 'quarters' ? fitPxPerDay(range, space) : pxPerDay[zoom];
  const x = (date: string) => offsetOf(range.start, date, perDay);
  const width = Math.ceil(x(range.end) + perDay);
  const span = (start: string, end: string): CSSProperties => ({ left: x(start), width: Math.max(x(end) - x(start) + perDay, 2) });
  const tickLabel = (tick: Tick, index: number) =>
    tick.kind === 'week' ? (
      t.week(fmt.number(tick.number))
    ) : tick.kind === 'quarter' ? (
      // A quarter is narrow when the plan is fitted: «1. kv.», with the year under the first of each year.
      <>
        {t.quarterShort(fmt.number(tick.number))}
        {(tick.number === 1 || index === 0) && (
          <>
            {' '}
            <span className='samla-timeline__tick-year'>{String(tick.year)}</span>
          </>
        )}
      </>
    ) : (
      `${m.schedule.months[tick.number - 1]} ${tick.year}`
    );
  const anyTasks = groups.some((group) => group.activities.length > 0);
  // Open (and re-zoom) with today in view, a third in from the left.
  const todayOffset = x(schedule.today);
  useEffect(() => {
    const element = scroller.current;
    if (element) element.scrollLeft = Math.max(0, todayOffset - element.clientWidth / 3);
  }, [todayOffset]);

  return (
    <section className='samla-section' aria-labelledby='timeline-heading'>
      <Heading level={2} data-size='sm' id='timeline-heading'>
        {t.heading}
      </Heading>
      <div className='samla-timeline-tools'>
        <div role='group' aria-label={t.zoom} className='samla-timeline-zoom'>
          <span aria-hidden='true' className='samla-label'>
            {t.zoom}
          </span>
          {zoomLevels.map((level) => (
            <Button key={level} variant={zoom === level ? 'primary' : 'secondary'} data-size='sm' aria-pressed={zoom === level} onClick={() => setZoom(level)}>
              {t.zoomLevels[level]}
            </Button>
          ))}
        </div>
        <ul className='samla-timeline-legend' aria-label={t.legend}>
          <li>
            <span className='samla-timeline__swatch samla-timeline__swatch--phase' aria-hidden='true' /> {t.legendPhase}
          </li>
          <li>
            <span className='samla-timeline__swatch samla-timeline__swatch--task' aria-hidden='true' /> {t.legendTask}
          </li>
          <li>
            <span className='samla-timeline__swatch samla-timeline__swatch--point' aria-hidden='true' /> {t.legendPoint}
          </li>
          <li>
            <span className='samla-timeline__swatch samla-timeline__swatch--milestone' aria-hidden='true' /> {t.legendMilestone}
          </li>
          <li>
            <span className='samla-timeline__swatch samla-timeline__swatch--overdue' aria-hidden='true'>
              !
            </span>{' '}
            {t.legendOverdue}
          </li>
        </ul>
      </div>
      <Paragraph data-size='sm' className='samla-muted'>
        {t.help}
      </Paragraph>
      {!anyTasks && <Paragraph data-size='sm'>{t.noDatedTasks}</Paragraph>}
      <div ref={scroller} className='samla-timeline' role='region' aria-label={t.regionLabel} tabIndex={0} data-zoom={zoom}>
        <div className='samla-timeline__canvas' style={{ width: `calc(var(--samla-timeline-label) + ${width}px)` }}>
          <div className='samla-timeline__row samla-timeline__row--scale'>
            <div className='samla-timeline__label' />
            <div className='samla-timeline__track' style={{ width }}>
              {ticks(range, zoom).map((tick, index) => (
                <span key={tick.date} className='samla-timeline__tick' style={{ left: x(tick.date) }}>
                  {tickLabel(tick, index)}
                </span>
              ))}
            </div>
          </div>
          <div className='samla-timeline__row samla-timeline__row--milestones'>
            <div className='samla-timeline__label samla-timeline__label--strong'>{t.milestones}</div>
            <div className='samla-timeline__track' style={{ width }}>
              {schedule.milestones.map((milestone, index) => (
                <span
                  key={milestone.id}
                  className={`samla-timeline__milestone samla-timeline__milestone--${milestoneLabelSide(x(milestone.date), width, milestoneLabelWidth(milestone.title))}`}
                  style={{ left: x(milestone.date), top: `calc(var(--samla-timeline-milestone-top) + ${(index % 3) * 1.5}rem)` }}
                  data-testid='timeline-milestone'
                >
                  <span className='samla-timeline__diamond' role='img' aria-label={t.milestoneMark(milestone.title, fmt.date(milestone.date))} />
                  <span aria-hidden='true' className='samla-timeline__milestone-text'>
                    {milestone.title}
                  </span>
                </span>
              ))}
            </div>
          </div>
          {groups.map(({ phase, activities }) => (
            <div key={phase.phaseId} className='samla-timeline__phase'>
              <div className='samla-timeline__row samla-timeline__row--phase'>
                <div className='samla-timeline__label samla-timeline__label--strong'>{m.schedule.list.phaseName(fmt.number(phase.number), phase.name)}</div>
                <div className='samla-timeline__track' style={{ width }}>
                  <span className='samla-timeline__band' style={span(phase.start, phase.end)}>
                    {fmt.date(phase.start)} – {fmt.date(phase.end)}
                  </span>
                </div>
              </div>
              {activities.map(({ activity, tasks }) => (
                <div key={activity.activityId}>
                  <div className='samla-timeline__row samla-timeline__row--activity'>
                    <div className='samla-timeline__label samla-timeline__label--activity'>{activity.title}</div>
                    <div className='samla-timeline__track' style={{ width }} />
                  </div>
                  {chunkByContext(tasks).map((chunk, chunkIndex) => (
                    <div key={`${chunk.heading ?? ''}-${chunkIndex}`}>
                      {chunk.heading && (
                        <div className='samla-timeline__row samla-timeline__row--area'>
                          <div className='samla-timeline__label samla-timeline__label--area'>{chunk.isArea ? t.areaHeading(chunk.heading) : chunk.heading}</div>
                          <div className='samla-timeline__track' style={{ width }} />
                        </div>
                      )}
                      {chunk.tasks.map((task) => {
                        const start = task.plannedStart ?? task.dueDate!;
                        const end = task.dueDate ?? task.plannedStart!;
                        const point = task.plannedStart === null || task.dueDate === null;
                        const dates = point ? fmt.date(start) : `${fmt.date(start)} – ${fmt.date(end)}`;
                        return (
                          <div key={task.id} className='samla-timeline__row samla-timeline__row--task'>
                            <div className='samla-timeline__label' aria-hidden='true'>
                              {task.overdue && <span className='samla-timeline__overdue-mark'>! </span>}
                              {task.title}
                            </div>
                            <div className='samla-timeline__track' style={{ width }}>
                              <Link
                                to={paths.task(mergerId, task.id)}
                                state={{ from: paths.schedule(mergerId) }}
                                className={`samla-timeline__bar${point ? ' samla-timeline__bar--point' : ''}${task.overdue ? ' samla-timeline__bar--overdue' : ''}`}
                                style={point ? { left: x(start) } : span(start, end)}
                                aria-label={t.taskBar(taskTitleInContext(task), dates, m.status[task.status], task.overdue)}
                                data-testid='timeline-task'
                              >
                                {task.overdue && <span aria-hidden='true'>!</span>}
                              </Link>
                              {task.overdue && (
                                <span className='samla-timeline__overdue-text' aria-hidden='true' style={{ left: x(end) + perDay + 14 }}>
                                  {t.overdueMark}
                                </span>
                              )}
                            </div>
                          </div>
                        );
                      })}
                    </div>
                  ))}
                </div>
              ))}
            </div>
          ))}
          <div className='samla-timeline__today' style={{ left: `calc(var(--samla-timeline-label) + ${x(schedule.today)}px)` }} data-testid='timeline-today'>
            <span>{t.today}</span>
          </div>
        </div>
      </div>
    </section>
  );
}
