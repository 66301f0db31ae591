/**
 * The floor of each read endpoint: the same data fetched by bare SQL through
 * the same driver (pg for PostgreSQL, PGlite for the embedded database), one
 * statement, no HTTP, no ORM, no JavaScript after it. The statements return
 * the rows and columns the endpoint's response is built from and do the same
 * aggregation in SQL that the endpoint does in code (counts per phase,
 * overdue tasks, the heat map, benefits behind their line …), so an endpoint
 * at 1.0× would be doing nothing but the database's work.
 *
 * What no floor does: catalogue look-ups (names of phases and areas come from
 * the library in memory, not the database), the access check, JSON
 * serialisation of the response. Those are the app's overhead and belong in
 * the ratio.
 */
export interface FloorParams {
  mergerId: string;
  /** Today in Oslo, as the endpoint computes it. */
  today: string;
  /** The last day of the dashboard's «coming up» window. */
  windowEnd: string;
  phaseId: string;
  areaId: string;
  /** Library task ids of the area (its plan); the decision page lists the merger's copies of them. */
  areaTaskIds: string[];
  municipality: string;
  hosting: string;
}

export interface Floor {
  sql: string;
  params: (p: FloorParams) => unknown[];
}

const open = `status in ('not_started', 'in_progress')`;

export const floors: Record<string, Floor> = {
  /** GET /tasks?phase=N: every task of the phase, in the checklist's order, with «overdue». */
  checklistPhase: {
    sql: `select id, merger_id, phase_id, activity_id, catalog_item_id, group_name, title, position, status,
            not_relevant_reason, responsible, due_date, planned_start, notes,
            (${open} and due_date < $3) as overdue, updated_at, version
          from tasks where merger_id = $1 and phase_id = $2
          order by activity_position, position, created_at`,
    params: (p) => [p.mergerId, p.phaseId, p.today],
  },

  /** GET /inventory/systems?municipality=…&hosting=…: one page of 100 by name, with the total. */
  inventoryList: {
    sql: `select *, count(*) over () as total from inventory_systems
          where merger_id = $1 and municipality_number = any($2) and hosting = any($3)
          order by lower(name) asc nulls last, id limit 100 offset 0`,
    params: (p) => [p.mergerId, [p.municipality], [p.hosting]],
  },

  /**
   * GET /inventory/side-by-side: every system by area and municipality, and
   * the products and vendors two or more municipalities share in an area.
   */
  sideBySide: {
    sql: `with s as (
            select id, municipality_number, solution_area_id, name, vendor, product, product_version, user_count, hosting
            from inventory_systems where merger_id = $1
          )
          select
            (select json_agg(json_build_object('number', municipality_number)) from merger_municipalities where merger_id = $1) as municipalities,
            (select json_agg(a) from (
              select solution_area_id, municipality_number,
                json_agg(json_build_object('id', id, 'name', name, 'vendor', vendor, 'product', product,
                  'productVersion', product_version, 'userCount', user_count, 'hosting', hosting) order by lower(name)) as systems
              from s group by solution_area_id, municipality_number) a) as areas,
            (select json_agg(g) from (
              select solution_area_id, lower(coalesce(product, name)) as product, array_agg(distinct municipality_number) as municipalities, array_agg(id) as system_ids
              from s group by solution_area_id, lower(coalesce(product, name)) having count(distinct municipality_number) > 1) g) as shared_products,
            (select json_agg(g) from (
              select solution_area_id, lower(vendor) as vendor, array_agg(distinct municipality_number) as municipalities, array_agg(id) as system_ids
              from s where vendor is not null group by solution_area_id, lower(vendor) having count(distinct municipality_number) > 1) g) as shared_vendors`,
    params: (p) => [p.mergerId],
  },

  /** GET /integration-graph: every system as a node, every integration as an edge, and the decisions that give fates. */
  integrationGraph: {
    sql: `select
            (select json_agg(json_build_object('id', id, 'label', name, 'municipalityNumber', municipality_number, 'solutionAreaId', solution_area_id))
              from inventory_systems where merger_id = $1) as nodes,
            (select json_agg(json_build_object('id', id, 'from', from_system_id, 'to', coalesce(to_system_id::text, 'cs:' || common_solution_id),
                'direction', direction, 'method', method) order by municipality_number, id)
              from inventory_integrations where merger_id = $1) as edges,
            (select json_agg(json_build_object('area', d.solution_area_id, 'outcome', d.outcome, 'target', d.target_system_id, 'state', d.state))
              from decisions d where d.merger_id = $1) as decisions`,
    params: (p) => [p.mergerId],
  },

  /**
   * GET /decisions/:areaId: the area's systems with their integration counts
   * and earliest contract end, the merger's decisions, the area's planned
   * tasks and the integrations touching its systems with both ends' names.
   */
  decisionPage: {
    sql: `with area_systems as (
            select id, municipality_number, solution_area_id, name, vendor, product, hosting, user_count
            from inventory_systems where merger_id = $1 and solution_area_id = $2
          )
          select
            (select merger_date from mergers where id = $1) as merger_date,
            (select json_agg(x order by x.municipality_number, lower(x.name), x.id) from (
              select s.*,
                (select count(*) from inventory_integrations i where i.merger_id = $1 and (i.from_system_id = s.id or i.to_system_id = s.id)) as integration_count,
                (select min(c.end_date) from inventory_contract_systems cs join inventory_contracts c on c.id = cs.contract_id where cs.system_id = s.id) as earliest_contract_end
              from area_systems s) x) as systems,
            (select json_agg(json_build_object('decision', d, 'targetSystemName', t.name))
              from decisions d left join inventory_systems t on t.id = d.target_system_id where d.merger_id = $1) as decisions,
            (select json_agg(json_build_object('id', id, 'catalogItemId', catalog_item_id, 'title', title, 'phaseId', phase_id, 'status', status)
                order by activity_position, position)
              from tasks where merger_id = $1 and catalog_item_id = any($3)) as planned_tasks,
            (select json_agg(e order by e.municipality_number, e.from_name, e.id) from (
              select i.id, i.municipality_number, i.from_system_id, f.name as from_name, f.solution_area_id as from_area,
                i.to_system_id, t.name as to_name, t.solution_area_id as to_area, i.common_solution_id, i.direction, i.method
              from inventory_integrations i
              join inventory_systems f on f.id = i.from_system_id
              left join inventory_systems t on t.id = i.to_system_id
              where i.merger_id = $1 and (i.from_system_id in (select id from area_systems) or i.to_system_id in (select id from area_systems))) e) as integrations`,
    params: (p) => [p.mergerId, p.areaId, p.areaTaskIds],
  },

  /**
   * GET /dashboard: progress per phase, the ten most overdue tasks, what
   * comes up in the window (tasks, contract notice deadlines, milestones),
   * the decisions readiness is computed from, the risk heat map's counts and
   * the benefits whose latest measurement is behind the line.
   */
  dashboard: {
    sql: `select
            (select json_build_object('name', name, 'mergerDate', merger_date) from mergers where id = $1) as merger,
            (select json_agg(p) from (
              select phase_id,
                count(*) filter (where status <> 'not_relevant') as relevant,
                count(*) filter (where status = 'done') as done,
                count(*) filter (where ${open} and due_date < $2) as overdue
              from tasks where merger_id = $1 group by phase_id) p) as progress,
            (select json_agg(t) from (
              select id, title, phase_id, responsible, due_date from tasks
              where merger_id = $1 and ${open} and due_date < $2 order by due_date, activity_position, position limit 10) t) as overdue,
            (select json_agg(t) from (
              select id, title, due_date, planned_start from tasks
              where merger_id = $1 and ${open} and (due_date between $2 and $3 or planned_start between $2 and $3)) t) as upcoming_tasks,
            (select json_agg(c) from (
              select id, vendor, subject, end_date, notice_period_months from inventory_contracts
              where merger_id = $1 and end_date is not null
                and (end_date - make_interval(months => coalesce(notice_period_months, 0)))::date <= $3::date) c) as upcoming_contracts,
            (select json_agg(m) from (select id, title, date from milestones where merger_id = $1 and date between $2 and $3) m) as milestones,
            (select json_agg(d) from (select solution_area_id, state, timing from decisions where merger_id = $1) d) as decisions,
            (select json_agg(t) from (select catalog_item_id, phase_id, status from tasks where merger_id = $1 and catalog_item_id is not null) t) as plan_tasks,
            (select json_agg(r) from (
              select likelihood, (select max(value::int) from jsonb_each_text(consequences)) as consequence,
                residual_likelihood, residual_consequence, count(*) as risks
              from risks where merger_id = $1 and status <> 'closed' group by 1, 2, 3, 4) r) as heatmap,
            (select json_agg(b) from (
              select b.id, b.title, count(*) as behind from benefits b
              join benefit_indicators i on i.benefit_id = b.id
              join lateral (select measured_on, value from benefit_measurements m where m.indicator_id = i.id order by measured_on desc limit 1) last on true
              where b.merger_id = $1
                and case when i.direction = 'higher' then last.value < i.baseline_value + (i.target_value - i.baseline_value)
                         * greatest(0, least(1, (last.measured_on - i.baseline_date)::float / greatest(1, i.target_date - i.baseline_date)))
                    else last.value > i.baseline_value + (i.target_value - i.baseline_value)
                         * greatest(0, least(1, (last.measured_on - i.baseline_date)::float / greatest(1, i.target_date - i.baseline_date))) end
              group by b.id, b.title order by b.title) b) as benefits_behind,
            (select count(*) from benefits where merger_id = $1) as benefits_total`,
    params: (p) => [p.mergerId, p.today, p.windowEnd],
  },
};
