import { boundingBox, distanceKm } from './geo';
import { rng } from './spec-helpers';

describe('distanceKm', () => {
  it('matches known great-circle distances', () => {
    const amsterdam = { latitude: 52.3676, longitude: 4.9041 };
    const rotterdam = { latitude: 51.9244, longitude: 4.4777 };
    expect(distanceKm(amsterdam, rotterdam)).toBeCloseTo(57.5, 0);
    // A quarter of a meridian: pi/2 * R.
    expect(distanceKm({ latitude: 0, longitude: 0 }, { latitude: 90, longitude: 0 })).toBeCloseTo(
      10007.6,
      0,
    );
  });

  it('is zero for a point and symmetric', () => {
    const a = { latitude: 52.1, longitude: 5.1 };
    const b = { latitude: 53.2, longitude: 6.5 };
    expect(distanceKm(a, a)).toBe(0);
    expect(distanceKm(a, b)).toBe(distanceKm(b, a));
  });
});

describe('boundingBox', () => {
  it('contains every point within the radius (the grid prefilter never drops an eligible vacancy)', () => {
    const r = rng(7);
    for (let i = 0; i < 200; i++) {
      const centre = { latitude: -70 + r() * 140, longitude: -170 + r() * 340 };
      const radius = 1 + r() * 400;
      const box = boundingBox(centre, radius);
      if (!box) continue;
      for (let j = 0; j < 200; j++) {
        // Points near the edge of the circle, in every direction.
        const p = {
          latitude: box.minLat - 0.5 + r() * (box.maxLat - box.minLat + 1),
          longitude: box.minLon - 0.5 + r() * (box.maxLon - box.minLon + 1),
        };
        if (distanceKm(centre, p) <= radius) {
          expect(p.latitude).toBeGreaterThanOrEqual(box.minLat);
          expect(p.latitude).toBeLessThanOrEqual(box.maxLat);
          expect(p.longitude).toBeGreaterThanOrEqual(box.minLon);
          expect(p.longitude).toBeLessThanOrEqual(box.maxLon);
        }
      }
    }
  });

  it('is tight in longitude at high latitude, where a parallel-based box would be too narrow', () => {
    const centre = { latitude: 60, longitude: 10 };
    const box = boundingBox(centre, 500);
    expect(box).not.toBeNull();
    // The widest point of the circle lies poleward of the centre's parallel.
    let widest = 0;
    for (let lat = 55; lat <= 66; lat += 0.01) {
      let lo = 0;
      let hi = 40;
      for (let k = 0; k < 60; k++) {
        const mid = (lo + hi) / 2;
        if (distanceKm(centre, { latitude: lat, longitude: 10 + mid }) <= 500) lo = mid;
        else hi = mid;
      }
      widest = Math.max(widest, lo);
    }
    expect(box!.maxLon - 10).toBeGreaterThanOrEqual(widest);
    expect(box!.maxLon - 10).toBeLessThan(widest + 0.01);
    expect(widest).toBeGreaterThan(
      (500 / 6371.0088 / Math.cos((60 * Math.PI) / 180)) * (180 / Math.PI),
    );
  });

  it('gives up near a pole, across the antimeridian and for huge radii', () => {
    expect(boundingBox({ latitude: 89.9, longitude: 0 }, 50)).toBeNull();
    expect(boundingBox({ latitude: 0, longitude: 179.9 }, 50)).toBeNull();
    expect(boundingBox({ latitude: 0, longitude: 0 }, 20_000)).toBeNull();
  });
});
