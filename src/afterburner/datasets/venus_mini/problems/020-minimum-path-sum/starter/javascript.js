/**
 * @param {number[][]} grid
 * @return {number}
 */
var minPathSum = function(grid) {
    
};
