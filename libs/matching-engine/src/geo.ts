import { GeoPoint } from './types';

/** Mean Earth radius (IUGG), km. */
export const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

/** A point prepared once for many distance computations. */
export interface RadPoint {
  lat: number;
  lon: number;
  cosLat: number;
}

export function toRadPoint(p: GeoPoint): RadPoint {
  const lat = p.latitude * RAD;
  return { lat, lon: p.longitude * RAD, cosLat: Math.cos(lat) };
}

/**
 * Haversine on prepared points. The one implementation behind distanceKm and the engine's
 * hot loop, so a distance reported by evaluate() is bit-identical to the one that ranked a list.
 */
export function haversineKm(a: RadPoint, b: RadPoint): number {
  return haversineRad(a.lat, a.lon, a.cosLat, b.lat, b.lon, b.cosLat);
}

/** haversineKm on plain numbers (radians, cosine of the latitude), for loops over flat arrays. */
export function haversineRad(
  latA: number,
  lonA: number,
  cosA: number,
  latB: number,
  lonB: number,
  cosB: number,
): number {
  const sinLat = Math.sin((latB - latA) / 2);
  const sinLon = Math.sin((lonB - lonA) / 2);
  const h = sinLat * sinLat + cosA * cosB * sinLon * sinLon;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * A lower bound of the distance from the latitudes alone (radians): a great circle spans at least the
 * latitude difference of its ends (haversine: sin²(Δφ/2) + … >= sin²(Δφ/2)). Shaved by a
 * millionth of a millimetre per km so rounding never lifts it above the computed distance.
 */
export function minDistanceKm(latA: number, latB: number): number {
  return EARTH_RADIUS_KM * Math.abs(latB - latA) * (1 - 1e-12);
}

/** Great-circle distance in km (haversine, spherical Earth). */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  return haversineKm(toRadPoint(a), toRadPoint(b));
}

export interface DegreeBox {
  minLat: number;
  maxLat: number;
  minLon: number;
  maxLon: number;
}

/** Slack for rounding, so a point exactly at the radius is never cut by the box. */
const BOX_MARGIN_DEG = 1e-7;

/**
 * A latitude/longitude box containing every point within radiusKm of the centre (haversine),
 * or null when no such box is useful (a pole or the antimeridian within reach, or a radius of a
 * quarter of the globe). Latitude: a great circle covers at least its latitude difference.
 * Longitude: the widest reach is along the great circle tangent to the meridian-perpendicular,
 * asin(sin(d/R) / cos(lat)) — not d / (R cos(lat)), which a parallel would suggest and which is
 * too narrow because great circles bulge poleward.
 */
export function boundingBox(centre: GeoPoint, radiusKm: number): DegreeBox | null {
  const angular = radiusKm / EARTH_RADIUS_KM;
  if (!(angular >= 0) || angular >= Math.PI / 2) return null;
  const dLat = angular / RAD + BOX_MARGIN_DEG;
  const minLat = centre.latitude - dLat;
  const maxLat = centre.latitude + dLat;
  if (minLat <= -90 || maxLat >= 90) return null;
  const ratio = Math.sin(angular) / Math.cos(centre.latitude * RAD);
  if (ratio >= 1) return null;
  const dLon = Math.asin(ratio) / RAD + BOX_MARGIN_DEG;
  const minLon = centre.longitude - dLon;
  const maxLon = centre.longitude + dLon;
  if (minLon < -180 || maxLon > 180) return null;
  return { minLat, maxLat, minLon, maxLon };
}
