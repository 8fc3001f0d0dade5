/** Lengths every new password must respect (the server also checks a list of breached passwords). */
export const passwordPolicy = { minLength: 12, maxLength: 256 } as const;
