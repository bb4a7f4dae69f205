import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DayInput,
  Place,
  PlaceInput,
  PostingMonth,
  Report,
} from '../../../common/attendance/attendance.schema';
import type { Page } from '../../../common/http/paging.schema';
import type { Unit } from '../../../common/units/units.schema';
import { api, apiUrl } from '../api/client';
import { attendanceKeys } from '../api/query-keys';

export function usePostingMonth(postingId: string | null, month: string) {
  return useQuery({
    queryKey: attendanceKeys.month(postingId ?? '', month),
    queryFn: ({ signal }) =>
      api<PostingMonth>(`/api/attendance/postings/${encodeURIComponent(postingId ?? '')}`, {
        query: { month },
        signal,
      }),
    enabled: postingId !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useCheckIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      postingId: string;
      location: { lat: number; lng: number; accuracy: number | null } | null;
    }) => api<PostingMonth>('/api/attendance/check-in', { method: 'POST', body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: attendanceKeys.all }),
  });
}

export function useRecordDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vars: { postingId: string; date: string; body: DayInput }) =>
      api<PostingMonth>(
        `/api/attendance/postings/${encodeURIComponent(vars.postingId)}/days/${encodeURIComponent(vars.date)}`,
        { method: 'PUT', body: vars.body },
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: attendanceKeys.all }),
  });
}

export function useReport(month: string, batchId: string | null) {
  return useQuery({
    queryKey: attendanceKeys.report(month, batchId),
    queryFn: ({ signal }) =>
      api<Report>('/api/attendance/report', { query: { month, batchId: batchId ?? undefined }, signal }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export const reportExportUrl = (month: string, batchId: string | null) =>
  apiUrl('/api/attendance/report/export', { month, batchId: batchId ?? undefined });

/** The units the receiving manager keeps (their places). */
export function useMyUnits() {
  return useQuery({
    queryKey: attendanceKeys.units,
    queryFn: ({ signal }) => api<Page<Unit>>('/api/units', { query: { pageSize: 20 }, signal }),
    select: (page) => page.items,
  });
}

export function usePlace(unitId: string | null) {
  return useQuery({
    queryKey: attendanceKeys.place(unitId ?? ''),
    queryFn: ({ signal }) =>
      api<Place>(`/api/attendance/places/${encodeURIComponent(unitId ?? '')}`, { signal }),
    enabled: unitId !== null,
  });
}

export function useSavePlace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vars: { unitId: string; body: PlaceInput }) =>
      api<Place>(`/api/attendance/places/${encodeURIComponent(vars.unitId)}`, {
        method: 'PUT',
        body: vars.body,
      }),
    onSuccess: (place) => queryClient.setQueryData(attendanceKeys.place(place.unitId), place),
  });
}

/** The browser's position, or null when the cadre refuses or it is unavailable (never blocks a check-in). */
export function currentPosition(
  timeoutMs = 8000,
): Promise<{ lat: number; lng: number; accuracy: number | null } | null> {
  if (typeof navigator === 'undefined' || !navigator.geolocation) return Promise.resolve(null);
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (p) =>
        resolve({
          lat: p.coords.latitude,
          lng: p.coords.longitude,
          accuracy: Number.isFinite(p.coords.accuracy) ? Math.min(p.coords.accuracy, 100_000) : null,
        }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60_000 },
    );
  });
}
