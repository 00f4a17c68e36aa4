import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Empty, Flex, Grid, Input, Radio, Select, Tabs } from 'antd';
import {
  activityStateLabels,
  opinionStateLabels,
  proposalStateLabels,
  searchKindLabels,
  searchKinds,
  searchQuerySchema,
  searchSortLabels,
} from '@cppcc/shared';
import { useOpinionFormOptions } from '../../api/opinions';
import { useProposalFormOptions } from '../../api/proposals';
import { toSelectOptions, useOrganisationOptions } from '../../api/resources';
import { useSearch, type SearchKind, type SearchParams } from '../../api/search';
import { dayText } from '../../app/timeZone';
import { PageCard } from '../../components/PageCard';
import { SearchResults } from './SearchResults';

type Change = Partial<
  Record<
    'q' | 'kind' | 'sort' | 'year' | 'state' | 'category' | 'sectorId' | 'unitId' | 'page' | 'pageSize',
    string | number
  >
>;

/** The states a kind's records can be found in, for the state filter. */
const stateLabels: Partial<Record<SearchKind, Record<string, string>>> = {
  proposal: proposalStateLabels,
  opinion: opinionStateLabels,
  activity: activityStateLabels,
};
const positiveId = (v: string | null) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

const isKind = (v: string | null): v is SearchKind => searchKinds.includes(v as SearchKind);

/** The last ten years in the committee's zone, newest first. */
function yearOptions() {
  const now = Number(dayText(new Date().toISOString()).slice(0, 4));
  return Array.from({ length: 10 }, (_, i) => ({ value: now - i, label: `${now - i}年` }));
}

/** What the address asks for; anything it cannot be is left at its default. */
function readAddress(searchParams: URLSearchParams, phone: boolean): SearchParams {
  const kind = searchParams.get('kind');
  const year = Number(searchParams.get('year'));
  return {
    q: searchParams.get('q')?.trim() ?? '',
    ...(isKind(kind) && { kind }),
    ...(Number.isInteger(year) && year > 0 && { year }),
    ...(searchParams.get('state') && { state: searchParams.get('state')! }),
    ...(searchParams.get('category') && { category: searchParams.get('category')! }),
    ...(positiveId(searchParams.get('sectorId')) && { sectorId: positiveId(searchParams.get('sectorId')) }),
    ...(positiveId(searchParams.get('unitId')) && { unitId: positiveId(searchParams.get('unitId')) }),
    sort: searchParams.get('sort') === 'date' ? 'date' : 'relevance',
    page: Number(searchParams.get('page')) || 1,
    pageSize: Number(searchParams.get('pageSize')) || (phone ? 10 : 20),
  };
}

/**
 * 搜索: one query across proposals, opinions, activities, suggestions and members, only what the user
 * may read. The query, the kind tab, the order, the year and the page are in the address, so a reload
 * or the way back shows the same page.
 */
export default function SearchPage() {
  const phone = Grid.useBreakpoint().md === false;
  const [searchParams, setSearchParams] = useSearchParams();
  const params = readAddress(searchParams, phone);
  const problem = params.q ? searchQuerySchema.safeParse(params).error?.issues[0]?.message : undefined;
  const result = useSearch(params, params.q !== '' && !problem);
  const [text, setText] = useState(params.q);
  useEffect(() => setText(params.q), [params.q]);

  /** Sets or removes parameters; a new query is a step of its own in the history, and starts at page 1. */
  function change(next: Change, keepPage = false) {
    const merged = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(next))
      if (value === undefined || value === '') merged.delete(key);
      else merged.set(key, String(value));
    if (!keepPage) merged.delete('page');
    setSearchParams(merged, { replace: !('q' in next) });
  }

  const data = result.data;
  const counts = data?.counts;
  const all = counts ? Object.values(counts).reduce((a, b) => a + b, 0) : undefined;
  // A kind with more matches than the server ranks shows its count as a floor (200+).
  const capped = new Set(data?.capped ?? []);
  const count = (n: number | undefined, more: boolean) => (n === undefined ? '' : ` ${n}${more ? '+' : ''}`);
  const tabs = [
    { key: 'all', label: `全部${count(all, capped.size > 0)}` },
    ...searchKinds.map((k) => ({
      key: k,
      label: `${searchKindLabels[k]}${count(counts?.[k], capped.has(k))}`,
    })),
  ];
  const refused = problem ?? (result.isError ? result.error.message : undefined);
  const narrowed =
    params.kind || params.year || params.state || params.category || params.sectorId || params.unitId;
  const emptyText = `没有找到与“${params.q}”相关的内容${narrowed ? '，可以换个范围或年度再试' : ''}`;

  return (
    <PageCard title="搜索" compact={phone}>
      <Flex vertical gap={12}>
        <Input.Search
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(value) => change({ q: value.trim() })}
          placeholder="输入关键词，如 加装电梯、养老服务、委员姓名"
          aria-label="搜索内容"
          enterButton="搜索"
          size={phone ? 'middle' : 'large'}
          maxLength={50}
          // Its clear button would be a tap target far below 44 px.
          allowClear={!phone}
        />
        {params.q === '' ? (
          <Empty description="输入关键词，搜索提案、社情民意、履职活动、意见建议和委员" />
        ) : refused ? (
          <Alert type="error" showIcon title="无法搜索" description={refused} />
        ) : (
          <>
            <Tabs
              activeKey={params.kind ?? 'all'}
              items={tabs}
              onChange={(key) =>
                // A state or category belongs to one kind: another kind starts without them.
                change({
                  kind: key === 'all' ? undefined : key,
                  state: undefined,
                  category: undefined,
                  unitId: undefined,
                })
              }
              style={{ marginBottom: -12 }}
            />
            <Flex gap={8} wrap align="center" justify="space-between">
              <Radio.Group
                optionType="button"
                value={params.sort}
                options={Object.entries(searchSortLabels).map(([value, label]) => ({ value, label }))}
                onChange={(e) =>
                  change({ sort: e.target.value === 'relevance' ? undefined : e.target.value })
                }
                aria-label="排序"
              />
              <Select
                allowClear
                placeholder="全部年度"
                aria-label="年度"
                value={params.year}
                options={yearOptions()}
                onChange={(year?: number) => change({ year })}
                style={{ width: phone ? 140 : 160 }}
              />
            </Flex>
            <SearchFilters params={params} phone={phone} change={change} />
            {data && data.terms.length > 1 && (
              <Alert type="info" title={`已按“${data.terms.join('”“')}”搜索，结果须含全部词语`} />
            )}
            <SearchResults
              phone={phone}
              items={data?.items ?? []}
              total={data?.total ?? 0}
              loading={result.isFetching}
              page={params.page}
              pageSize={params.pageSize}
              emptyText={emptyText}
              onPage={(page, pageSize) => change({ page, pageSize }, pageSize === params.pageSize)}
            />
          </>
        )}
      </Flex>
    </PageCard>
  );
}

/**
 * Filters of one kind: its state and category, the handling unit of a proposal, the sector of a
 * proposer or member. Each is in the address like the query.
 */
function SearchFilters(props: { params: SearchParams; phone: boolean; change: (next: Change) => void }) {
  const { params, change } = props;
  const kind = params.kind;
  const proposalOptions = useProposalFormOptions();
  const opinionOptions = useOpinionFormOptions();
  const organisation = useOrganisationOptions();
  const states = kind ? stateLabels[kind] : undefined;
  const categories =
    kind === 'proposal'
      ? proposalOptions.data?.categories
      : kind === 'opinion'
        ? opinionOptions.data?.categories
        : undefined;
  const sectors = organisation.data?.sectors;
  const width = props.phone ? 140 : 180;
  if (!states && !categories && !(sectors?.length && (kind === 'proposal' || kind === 'member'))) return null;
  return (
    <Flex gap={8} wrap>
      {states && (
        <Select
          allowClear
          placeholder="全部状态"
          aria-label="状态"
          value={params.state}
          options={Object.entries(states).map(([value, label]) => ({ value, label }))}
          onChange={(state?: string) => change({ state })}
          style={{ width }}
        />
      )}
      {categories && (
        <Select
          allowClear
          placeholder="全部类别"
          aria-label="类别"
          value={params.category}
          options={categories.map((c) => ({ value: c, label: c }))}
          onChange={(category?: string) => change({ category })}
          style={{ width }}
        />
      )}
      {kind === 'proposal' && (proposalOptions.data?.units.length ?? 0) > 0 && (
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="全部承办单位"
          aria-label="承办单位"
          value={params.unitId}
          options={toSelectOptions(proposalOptions.data?.units)}
          onChange={(unitId?: number) => change({ unitId })}
          style={{ width: props.phone ? 200 : 240 }}
        />
      )}
      {(kind === 'proposal' || kind === 'member') && sectors && sectors.length > 0 && (
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="全部界别"
          aria-label="界别"
          value={params.sectorId}
          options={toSelectOptions(sectors)}
          onChange={(sectorId?: number) => change({ sectorId })}
          style={{ width }}
        />
      )}
    </Flex>
  );
}
