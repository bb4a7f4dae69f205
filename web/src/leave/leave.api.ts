import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarYear, WorkingDays } from '../../../common/calendar/calendar.schema';
import type { Page } from '../../../common/http/paging.schema';
import type { Leave, LeaveDetail, LeaveListParams, LeaveRoutes } from '../../../common/leave/leave.schema';
import type { RoutingRule } from '../../../common/leave/leave-routing';
import { api } from '../api/client';
import { calendarKeys, leaveKeys } from '../api/query-keys';

const leaveUrl = (id: string, action = '') => `/api/leave/${encodeURIComponent(id)}${action}`;

export function useLeaveList(params: LeaveListParams) {
  return useQuery({
    queryKey: leaveKeys.list(params),
    queryFn: ({ signal }) => api<Page<Leave>>('/api/leave', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useLeave(id: string) {
  return useQuery({
    queryKey: leaveKeys.detail(id),
    queryFn: ({ signal }) => api<LeaveDetail>(leaveUrl(id), { signal }),
  });
}

/** The working days of a range (the form's preview of a request's length). */
export function useWorkingDays(from: string | null, to: string | null, region: string | null) {
  return useQuery({
    queryKey: calendarKeys.workingDays(from ?? '', to ?? '', region),
    queryFn: ({ signal }) =>
      api<WorkingDays>('/api/calendar/working-days', { query: { from, to, region }, signal }),
    enabled: Boolean(from && to && from <= to),
    retry: false,
  });
}

export function useCreateLeave() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: object) => api<LeaveDetail>('/api/leave', { method: 'POST', body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: leaveKeys.all }),
  });
}

export type LeaveAction = 'withdraw' | 'decide' | 'substitute' | 'return' | 'confirm-return';

/** One action on a request with the version the caller saw; list and detail reload. */
export function useLeaveAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vars: { leave: LeaveDetail; action: LeaveAction; body?: object }) =>
      api<LeaveDetail>(leaveUrl(vars.leave.id, `/${vars.action}`), {
        method: 'POST',
        body: { ...vars.body, version: vars.leave.version },
      }),
    onSuccess: (detail) => queryClient.setQueryData(leaveKeys.detail(detail.id), detail),
    onSettled: () => queryClient.invalidateQueries({ queryKey: leaveKeys.all }),
  });
}

export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: calendarKeys.year(year),
    queryFn: ({ signal }) => api<CalendarYear>('/api/calendar/years', { query: { year }, signal }),
  });
}

export function useCalendarChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vars: { method: 'POST' | 'DELETE'; path: string; body?: object }) =>
      api<unknown>(vars.path, { method: vars.method, ...(vars.body ? { body: vars.body } : {}) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: calendarKeys.all }),
  });
}

/** A programme's routing table (the default while it has none of its own). */
export function useLeaveRoutes(programmeId: string | null) {
  return useQuery({
    queryKey: leaveKeys.routes(programmeId ?? ''),
    queryFn: ({ signal }) =>
      api<LeaveRoutes>(`/api/programmes/${encodeURIComponent(programmeId ?? '')}/leave-routes`, { signal }),
    enabled: programmeId !== null,
  });
}

export function useSaveLeaveRoutes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vars: { programmeId: string; rules: RoutingRule[]; version: number | null }) =>
      api<LeaveRoutes>(`/api/programmes/${encodeURIComponent(vars.programmeId)}/leave-routes`, {
        method: 'PUT',
        body: { rules: vars.rules, version: vars.version },
      }),
    onSuccess: (saved) => queryClient.setQueryData(leaveKeys.routes(saved.programmeId), saved),
  });
}
