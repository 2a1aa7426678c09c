/** "15 分钟", "1 小时", "2 小时 5 分钟": study time as volunteers read it. */
export function formatMinutes(total: number): string {
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  if (hours === 0) return `${minutes} 分钟`;
  return minutes === 0 ? `${hours} 小时` : `${hours} 小时 ${minutes} 分钟`;
}

/** Hours with one decimal, for "total hours" figures: 95 → "1.6". */
export const formatHours = (minutes: number): string => (Math.round((minutes / 60) * 10) / 10).toString();
