// The GPS fix: high accuracy, refreshed while the capture screen is open.
export function watch(onFix, onError) {
  if (!("geolocation" in navigator)) {
    onError({ code: "UNSUPPORTED" });
    return () => {};
  }
  const id = navigator.geolocation.watchPosition(
    (position) => onFix({ lat: position.coords.latitude, lon: position.coords.longitude,
      accuracy: Math.round(position.coords.accuracy) }),
    (error) => onError(error),
    { enableHighAccuracy: true, timeout: 20000, maximumAge: 5000 });
  return () => navigator.geolocation.clearWatch(id);
}
