/**
 * House style: what offices legitimately vary. Every default follows GB/T 9704-2012; an office overrides single
 * entries with `style:` in its data file (or a shared file it extends).
 */
export interface Profile {
  fonts: {
    /** 小标宋: 发文机关标志, titles. */
    title: string;
    /** 仿宋: body, 发文字号, 版记. */
    body: string;
    /** 楷体: second-level headings. */
    kai: string;
    /** 黑体: first-level headings, 附件 labels, table headers. */
    hei: string;
    /** 宋体: page numbers. */
    song: string;
    /** Latin letters and digits. */
    latin: string;
  };
  /** Red of the 发文机关标志 and 版头 line, RGB hex. */
  red: string;
  /** 发文机关标志 size in points (narrowed to fit one line when long). */
  issuerMarkSize: number;
  /** Third-level headings (1.) in bold, as many offices do. */
  boldThirdLevel: boolean;
  /** Page number form; `{n}` is replaced by the number. */
  pageNumber: string;
  /** Attachment table text size in points (4号 = 14). */
  tableFontSize: number;
}

export const DEFAULT_PROFILE: Profile = {
  fonts: {
    title: "方正小标宋简体",
    body: "仿宋_GB2312",
    kai: "楷体_GB2312",
    hei: "黑体",
    song: "宋体",
    latin: "Times New Roman",
  },
  red: "FF0000",
  issuerMarkSize: 42,
  boldThirdLevel: false,
  pageNumber: "— {n} —",
  tableFontSize: 14,
};

export type ProfileOverrides = Partial<Omit<Profile, "fonts">> & { fonts?: Partial<Profile["fonts"]> };

/** The defaults with each layer of overrides applied in turn (the data file's, then the caller's). */
export function resolveProfile(...layers: (ProfileOverrides | undefined)[]): Profile {
  return layers.reduce<Profile>(
    (profile, o) => (o ? { ...profile, ...o, red: (o.red ?? profile.red).toUpperCase(), fonts: { ...profile.fonts, ...o.fonts } } : profile),
    DEFAULT_PROFILE,
  );
}
