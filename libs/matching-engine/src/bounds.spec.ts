import { distanceKm, minDistanceKm, toRadPoint } from './geo';
import { cellDistanceBound } from './grid';
import { rng } from './spec-helpers';
import { longitudeReach } from './verify-lists';

/** The searches skip work on these bounds; a bound above a real distance would lose candidates. */
describe('distance bounds used to skip candidates', () => {
  const r = rng(404);
  const point = (lat: number, lon: number, spread: number) => ({
    latitude: Math.max(-89.9, Math.min(89.9, lat + (r() - 0.5) * spread)),
    longitude: Math.max(-179.9, Math.min(179.9, lon + (r() - 0.5) * spread)),
  });
  const centres = [
    [52, 5],
    [0, 0],
    [-33, 151],
    [70, 20],
    [88, -40],
  ];

  it('minDistanceKm never exceeds the distance', () => {
    const above: unknown[] = [];
    for (let i = 0; i < 20_000; i++) {
      const [lat, lon] = centres[i % centres.length];
      const a = point(lat, lon, 6);
      const b = point(lat, lon, 6);
      if (minDistanceKm(toRadPoint(a).lat, toRadPoint(b).lat) > distanceKm(a, b))
        above.push([a, b]);
    }
    expect(above).toEqual([]);
  });

  it('cellDistanceBound never exceeds the distance to a point of the cell', () => {
    const above: unknown[] = [];
    let positive = 0;
    for (let i = 0; i < 20_000; i++) {
      const [lat, lon] = centres[i % centres.length];
      const a = point(lat, lon, 4);
      const b = point(lat, lon, 4);
      const bound = cellDistanceBound(
        a,
        Math.floor(b.latitude / 0.25),
        Math.floor(b.longitude / 0.25),
      );
      if (bound > distanceKm(a, b)) above.push([a, b]);
      if (bound > 0) positive++;
    }
    expect(above).toEqual([]);
    expect(positive).toBeGreaterThan(15_000);
  });

  it('longitudeReach covers every point within the distance', () => {
    const outside: unknown[] = [];
    for (let i = 0; i < 20_000; i++) {
      const [lat, lon] = centres[i % centres.length];
      const a = point(lat, lon, 4);
      const b = point(lat, lon, 4);
      const d = distanceKm(a, b);
      const km = d * (1 + r()); // b is within km of a
      const dLon = Math.abs(toRadPoint(b).lon - toRadPoint(a).lon);
      if (dLon > longitudeReach(toRadPoint(a).lat, km)) outside.push([a, b, km]);
    }
    expect(outside).toEqual([]);
    expect(longitudeReach(0, 30_000)).toBe(Math.PI);
  });
});
