-- Raw data by calendar month (UTC), so that expired raw data is dropped a whole partition at a
-- time (osteon.retention.raw-data) instead of deleted row by row. The ledger (ingest_batch),
-- the running totals (device_stream) and everything derived from raw data stay.
--
-- A partitioned table's primary key must hold the partition key, so the keys gain start_at
-- and t. Uniqueness of (device_id, seq) is still guaranteed: a batch is written only by the
-- transaction whose ledger insert created (device_id, stream, seq). Ingest's INSERTs do not
-- change. Month partitions are named <table>_pYYYYMM; RawDataRetention creates them ahead of
-- time and drops expired ones. The default partition only catches rows outside every month
-- partition (e.g. a device clock set years off) so that ingest never fails for want of one.

alter table accel_batch rename to accel_batch_unpartitioned;
alter table accel_batch_unpartitioned rename constraint accel_batch_pkey to accel_batch_unpartitioned_pkey;
alter index accel_batch_time_idx rename to accel_batch_unpartitioned_time_idx;

create table accel_batch (
    device_id  text not null references device (id),
    seq        bigint not null,
    start_at   timestamptz not null,
    rate_hz    double precision not null,
    samples    integer not null,
    encoding   smallint not null check (encoding in (1, 2)),
    scale      double precision,
    data       bytea not null,
    primary key (device_id, seq, start_at)
) partition by range (start_at);

create index accel_batch_time_idx on accel_batch (device_id, start_at);

alter table load_event rename to load_event_unpartitioned;
alter table load_event_unpartitioned rename constraint load_event_pkey to load_event_unpartitioned_pkey;
alter index load_event_time_idx rename to load_event_unpartitioned_time_idx;

create table load_event (
    device_id  text not null references device (id),
    seq        bigint not null,
    idx        integer not null,
    t          timestamptz not null,
    kind       text not null check (kind in ('resistance', 'grf')),
    exercise   text,
    sets       integer,
    reps       integer,
    load_kg    double precision,
    one_rm_kg  double precision,
    peak_bw    double precision,
    cycles     integer,
    primary key (device_id, seq, idx, t)
) partition by range (t);

create index load_event_time_idx on load_event (device_id, t);

-- Creates the month partitions of a raw-data table from one month to another (inclusive);
-- existing ones are left alone. RawDataRetention calls it too.
create function osteon_ensure_month_partitions(parent text, first_month date, last_month date)
returns integer language plpgsql as $$
declare
    m date := date_trunc('month', first_month);
    created integer := 0;
    name text;
begin
    while m <= last_month loop
        name := parent || '_p' || to_char(m, 'YYYYMM');
        if to_regclass(name) is null then
            execute format('create table %I partition of %I for values from (%L) to (%L)',
                name, parent, (m::timestamp at time zone 'UTC'),
                ((m + interval '1 month')::timestamp at time zone 'UTC'));
            created := created + 1;
        end if;
        m := m + interval '1 month';
    end loop;
    return created;
end;
$$;

select osteon_ensure_month_partitions('accel_batch',
    coalesce((select min(start_at) at time zone 'UTC' from accel_batch_unpartitioned)::date, current_date),
    (current_date + interval '3 months')::date);
select osteon_ensure_month_partitions('load_event',
    coalesce((select min(t) at time zone 'UTC' from load_event_unpartitioned)::date, current_date),
    (current_date + interval '3 months')::date);

create table accel_batch_default partition of accel_batch default;
create table load_event_default partition of load_event default;

insert into accel_batch select * from accel_batch_unpartitioned;
insert into load_event select * from load_event_unpartitioned;
drop table accel_batch_unpartitioned;
drop table load_event_unpartitioned;
