export { ClearFilters } from "./clear-filters";
export { DateRange } from "./date-range";
export { FilterCombobox } from "./filter-combobox";
export { FilterSelect, type FilterOption } from "./filter-select";
export { Pagination } from "./pagination";
export { SearchBox } from "./search-box";
export { SortHeader } from "./sort-header";
export {
  dayParam,
  enumParam,
  hrefWith,
  pageParams,
  plainParams,
  textParam,
  uuidParam,
  PAGE_SIZES,
  type RawParams,
} from "./params";
